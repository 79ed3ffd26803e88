namespace DanVan.Infrastructure;

/// <summary>Where to send someone back to after signing in or switching language: only a path of this site.</summary>
public static class LocalUrls
{
    /// <summary>The address when it is a plain local path ("/…", not "//…" or "/\…", no spaces or control characters); else the home page.</summary>
    public static string Safe(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? url
            : "/";
}
