using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace DanVan.Infrastructure;

/// <summary>
/// What an /api request no endpoint took is answered: a route that exists but not for this method is 405 with Allow;
/// a route and method that exist but not for this body's type is 415; anything else is 404. (Routing picks no endpoint
/// in the first two cases, so without this they looked like a missing route.)
/// </summary>
public sealed class ApiFallback(EndpointDataSource endpoints)
{
    // One app's routes, read on the first unmatched request (when every endpoint is mapped), not at map time.
    private readonly Lazy<List<(Regex Path, IReadOnlyList<string> Methods)>> _routes = new(() => [.. endpoints.Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } && Pattern(e.RoutePattern) is not null)
        .Select(e => (Pattern(e.RoutePattern)!, e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods))]);

    public IResult Answer(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value ?? string.Empty;
        var methods = _routes.Value.Where(r => r.Path.IsMatch(path)).SelectMany(r => r.Methods).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (methods.Count == 0)
        {
            return Problems.NotFound("Không có tuyến API này.");
        }

        if (!methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.Headers.Allow = string.Join(", ", methods);
            return TypedResults.Problem($"Tuyến này nhận {string.Join(", ", methods)}.", statusCode: StatusCodes.Status405MethodNotAllowed,
                title: "Phương thức không được hỗ trợ", type: ProblemTypes.Of("method-not-allowed"));
        }

        return TypedResults.Problem(
            $"Không nhận nội dung kiểu \"{context.Request.ContentType}\": gửi application/json (hoặc multipart/form-data với tệp) như tài liệu OpenAPI mô tả.",
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Kiểu nội dung không được hỗ trợ", type: ProblemTypes.Of("unsupported-media-type"));
    }

    /// <summary>The route as a regular expression over the path; null for catch-alls (the fallbacks themselves).</summary>
    private static Regex? Pattern(RoutePattern route)
    {
        if (route.Parameters.Any(p => p.IsCatchAll))
        {
            return null;
        }

        var parts = route.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => Regex.Escape(l.Content),
            RoutePatternParameterPart => "[^/]+",
            RoutePatternSeparatorPart sep => Regex.Escape(sep.Content),
            _ => string.Empty,
        })));
        return new Regex("^/" + string.Join('/', parts) + "/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
