using System.ComponentModel.DataAnnotations;
using DanVan.Domain;

namespace DanVan.Infrastructure;

/// <summary>Enum values from query strings and forms: snake_case or PascalCase names, never numbers.</summary>
public static class EnumKeys
{
    public static bool TryParse<T>(string? value, out T result)
        where T : struct, Enum
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var compact = value.Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        if (compact.Length == 0 || char.IsDigit(compact[0]) || compact[0] == '-')
        {
            return false;
        }

        return Enum.TryParse(compact, ignoreCase: true, out result) && Enum.IsDefined(result);
    }

    public static string Key<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
