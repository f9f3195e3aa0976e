using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CaseFlow.Web.Tests.Infrastructure;

/// <summary>A self-signed server certificate, as PEM files in a temporary folder deleted on dispose: what a private
/// mail server would present, and what <c>Mail:TrustedCertificateFile</c> then names.</summary>
public sealed class TestCertificate : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caseflow-cert-").FullName;

    /// <param name="ipAddress">put in the subject alternative names (the sender connects to 127.0.0.1)</param>
    /// <param name="dnsName">put in the subject alternative names too</param>
    public TestCertificate(IPAddress? ipAddress, string dnsName = "localhost")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        if (ipAddress is not null) names.AddIpAddress(ipAddress);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        CertificateFile = Path.Combine(_directory, "cert.pem");
        KeyFile = Path.Combine(_directory, "key.pem");
        File.WriteAllText(CertificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(KeyFile, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertificateFile { get; }

    public string KeyFile { get; }

    /// <summary>The sink arguments for implicit TLS with this certificate.</summary>
    public string[] ImplicitTls => ["--tls-cert", CertificateFile, "--tls-key", KeyFile];

    /// <summary>The sink arguments for STARTTLS with this certificate.</summary>
    public string[] StartTls => [.. ImplicitTls, "--starttls"];

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
