namespace DanVan.Infrastructure;

/// <summary>Security headers on every response. Scripts come only from our own files (no inline script).</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ApiReference = "/api-reference";

    public Task InvokeAsync(HttpContext context)
    {
        var h = context.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "strict-origin-when-cross-origin";
        h["Permissions-Policy"] = "camera=(self), geolocation=(), microphone=()";
        // The API reference (a generated page with no user content) starts its viewer with one inline module.
        var scripts = context.Request.Path.StartsWithSegments(ApiReference, StringComparison.OrdinalIgnoreCase) ? "'self' 'unsafe-inline'" : "'self'";
        h.ContentSecurityPolicy =
            $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
            "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
        return next(context);
    }
}
