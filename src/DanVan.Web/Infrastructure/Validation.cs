using System.ComponentModel.DataAnnotations;
using DanVan.Domain;

namespace DanVan.Infrastructure;

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

/// <summary>Pages with several forms: a post is judged by its own form's fields only.</summary>
public static class FormScope
{
    /// <summary>
    /// Drops every error that is not under <paramref name="prefix"/>: the page's other forms were not posted, and their
    /// inputs, bound from nothing (at the empty prefix, as the binder falls back to), would otherwise fail as "required".
    /// </summary>
    public static void KeepOnly(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var key in state.Keys.Where(k => k != prefix && !k.StartsWith(prefix + ".", StringComparison.Ordinal) && !k.StartsWith(prefix + "[", StringComparison.Ordinal)).ToList())
        {
            state.Remove(key);
        }
    }
}
