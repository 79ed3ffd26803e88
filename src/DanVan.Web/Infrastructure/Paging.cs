using System.ComponentModel.DataAnnotations;
using DanVan.Domain;

namespace DanVan.Infrastructure;

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

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

/// <summary>Validates DataAnnotations on an API body the way Razor Pages does on a form.</summary>
public static class Validation
{
    public static Dictionary<string, string[]> Errors(object model)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [string.Empty]).Select(m => (Member: m, r.ErrorMessage)))
            .GroupBy(x => ToCamel(x.Member))
            .ToDictionary(g => g.Key, g => g.Select(x => x.ErrorMessage ?? "Không hợp lệ.").ToArray());
    }

    public static string ToCamel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Rejects control characters other than line breaks and tabs, which no form field needs.</summary>
    public static bool IsCleanText(string? s) =>
        s is null || s.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t');
}

/// <summary>DataAnnotations: text with no control or zero-width characters.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CleanTextAttribute : ValidationAttribute
{
    public CleanTextAttribute()
        : base("Trường {0} chứa ký tự không hợp lệ.")
    {
    }

    public override bool IsValid(object? value) => value is not string s || Validation.IsCleanText(s);
}
