namespace DanVan.Infrastructure;

/// <summary>
/// The site's public address, for every link that leaves the request: mail (password resets, reminders), the QR code
/// of a survey, the sitemap. Taken from <c>Mail:SiteUrl</c> only, never from the request's Host header (which the
/// sender of a request chooses). Outside development and the tests, a missing setting stops the start.
/// </summary>
public sealed class SiteAddress
{
    /// <summary>Where <c>dotnet run</c> serves the app (launchSettings.json).</summary>
    public const string Development = "http://localhost:5080";

    public SiteAddress(IConfiguration config, IWebHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(env);
        var configured = config["Mail:SiteUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Url = Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                ? configured.Trim().TrimEnd('/')
                : throw new InvalidOperationException($"Mail:SiteUrl \"{configured}\" không phải là địa chỉ http(s) đầy đủ (ví dụ https://danvan.hungyen.gov.vn).");
        }
        else if (env.IsDevelopment() || env.IsEnvironment("Testing"))
        {
            Url = Development;
        }
        else
        {
            throw new InvalidOperationException(
                "Chưa đặt Mail:SiteUrl (biến môi trường Mail__SiteUrl): địa chỉ công khai của trang, dùng cho liên kết trong thư và mã QR. "
                + "Mail:SiteUrl is required outside Development: links are never built from a request's Host header.");
        }
    }

    public string Url { get; }

    /// <summary>An absolute link to a path of the site ("/Account/ResetPassword?…").</summary>
    public string Link(string path) => Url + (path.StartsWith('/') ? path : "/" + path);
}
