using System.ComponentModel.DataAnnotations;
using DanVan.Domain;

namespace DanVan.Infrastructure;

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
