using System.Text.RegularExpressions;

namespace DanVan.Infrastructure;

/// <summary>
/// Dates in an API query are ISO (yyyy-MM-dd) and nothing else: "03/04/2025" would otherwise be read by the server's
/// culture (4 March or 3 April, depending), so it is refused, naming the parameter.
/// </summary>
public static partial class ApiQuery
{
    private static readonly HashSet<string> DateKeys = new(StringComparer.OrdinalIgnoreCase) { "from", "to", "asOf", "on", "since", "updatedSince", "date" };

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex IsoDate();

    public static async ValueTask<object?> StrictDatesAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var (key, values) in context.HttpContext.Request.Query)
        {
            if (DateKeys.Contains(key) && values.Any(v => !string.IsNullOrEmpty(v) && !IsoDate().IsMatch(v!)))
            {
                return Problems.Invalid(key, $"Ngày viết theo ISO 8601: yyyy-MM-dd (ví dụ 2025-04-03), không phải \"{values}\".");
            }
        }

        return await next(context);
    }
}
