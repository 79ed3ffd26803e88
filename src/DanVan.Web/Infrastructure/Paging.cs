using System.ComponentModel.DataAnnotations;
using DanVan.Domain;

namespace DanVan.Infrastructure;

/// <summary>A page of a list. <c>TotalCapped</c>: counting stopped, there are more than <c>Total</c>; <c>Next</c>: the
/// cursor for the following page (pass it as <c>after</c>), where the list's order allows keyset paging.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total, bool TotalCapped = false, string? Next = null)
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
        ArgumentNullException.ThrowIfNull(model);
        var errors = new Dictionary<string, List<string>>();
        foreach (var (property, name, rules) in VietnameseValidation.RulesOf(model.GetType()))
        {
            var value = property.GetValue(model);
            var context = new ValidationContext(model) { MemberName = property.Name, DisplayName = name };
            foreach (var rule in rules)
            {
                if (rule.GetValidationResult(value, context) is { } failed && failed != ValidationResult.Success)
                {
                    var key = ToCamel(property.Name);
                    if (!errors.TryGetValue(key, out var list))
                    {
                        errors[key] = list = [];
                    }

                    list.Add(failed.ErrorMessage ?? $"{name} không hợp lệ.");
                }
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
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
