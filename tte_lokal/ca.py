"""The local eSign service's test PKI, made at start: a root CA, a time-stamping authority and one
signing certificate per registered NIK (and per seal subscriber), all in memory.

Nothing here is trusted outside the tests: the root's name says so, and the keys live only as long as
the process.
"""

import datetime as dt
from dataclasses import dataclass

from asn1crypto import keys as a_keys
from asn1crypto import x509 as a_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


@dataclass
class Pasangan:
	"""A certificate and its key, in the asn1crypto form pyHanko takes."""

	cert: a_x509.Certificate
	key: a_keys.PrivateKeyInfo
	pem: bytes


def _kunci():
	return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _nama(cn: str, o: str = "Layanan TTE Lokal (UJI, TIDAK SAH)") -> x509.Name:
	return x509.Name(
		[
			x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
			x509.NameAttribute(NameOID.ORGANIZATION_NAME, o),
			x509.NameAttribute(NameOID.COMMON_NAME, cn),
		]
	)


def _ke_asn1(cert: x509.Certificate, key) -> Pasangan:
	der = cert.public_bytes(serialization.Encoding.DER)
	kunci = key.private_bytes(
		serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
	)
	return Pasangan(
		a_x509.Certificate.load(der),
		a_keys.PrivateKeyInfo.load(kunci),
		cert.public_bytes(serialization.Encoding.PEM),
	)


class OtoritasUji:
	"""Root CA + TSA + leaf certificates on demand."""

	def __init__(self) -> None:
		self._akar_kunci = _kunci()
		sekarang = dt.datetime.now(dt.timezone.utc)
		self._mulai = sekarang - dt.timedelta(days=1)
		self._akhir = sekarang + dt.timedelta(days=3650)
		nama = _nama("Root CA Uji SAKIP (TIDAK SAH)")
		self._akar_cert = (
			x509.CertificateBuilder()
			.subject_name(nama)
			.issuer_name(nama)
			.public_key(self._akar_kunci.public_key())
			.serial_number(x509.random_serial_number())
			.not_valid_before(self._mulai)
			.not_valid_after(self._akhir)
			.add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
			.add_extension(
				x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
			)
			.add_extension(x509.SubjectKeyIdentifier.from_public_key(self._akar_kunci.public_key()), False)
			.sign(self._akar_kunci, hashes.SHA256())
		)
		self.akar = _ke_asn1(self._akar_cert, self._akar_kunci)
		self.tsa = self._terbitkan("TSA Uji SAKIP", tsa=True)
		self._daun: dict[str, Pasangan] = {}

	def _terbitkan(self, cn: str, tsa: bool = False, email: str | None = None) -> Pasangan:
		kunci = _kunci()
		b = (
			x509.CertificateBuilder()
			.subject_name(_nama(cn))
			.issuer_name(self._akar_cert.subject)
			.public_key(kunci.public_key())
			.serial_number(x509.random_serial_number())
			.not_valid_before(self._mulai)
			.not_valid_after(self._akhir)
			.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
			.add_extension(
				x509.AuthorityKeyIdentifier.from_issuer_public_key(self._akar_kunci.public_key()), False
			)
		)
		if tsa:
			b = b.add_extension(
				x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True
			).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
		else:
			b = b.add_extension(
				x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
			)
			if email:
				b = b.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), False)
		return _ke_asn1(b.sign(self._akar_kunci, hashes.SHA256()), kunci)

	def sertifikat(self, kunci_pengguna: str, nama: str, email: str | None = None) -> Pasangan:
		"""The signing certificate of one NIK (or seal subscriber), made the first time it is asked."""
		if kunci_pengguna not in self._daun:
			self._daun[kunci_pengguna] = self._terbitkan(nama, email=email)
		return self._daun[kunci_pengguna]
