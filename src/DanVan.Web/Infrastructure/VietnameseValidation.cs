using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace DanVan.Infrastructure;

/// <summary>
/// Vietnamese default messages for validation attributes that name none, set once for the pages (a metadata provider)
/// and for the API (<see cref="Validation.Errors"/>), so no "The field … must be …" ever reaches a user.
/// </summary>
public static class VietnameseValidation
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name, ValidationAttribute[] Rules)[]> Types = new();

    /// <summary>Gives an attribute without its own message the Vietnamese one for its kind ({0} is the field's name).</summary>
    public static void Apply(ValidationAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        if (!string.IsNullOrEmpty(attribute.ErrorMessage) || attribute.ErrorMessageResourceType is not null)
        {
            return;
        }

        var message = attribute switch
        {
            RequiredAttribute => "Vui lòng nhập {0}.",
            StringLengthAttribute { MinimumLength: > 0 } => "{0} phải dài từ {2} đến {1} ký tự.",
            StringLengthAttribute => "{0} không được dài quá {1} ký tự.",
            MaxLengthAttribute => "{0} không được dài quá {1} ký tự (hoặc phần tử).",
            MinLengthAttribute => "{0} phải có ít nhất {1} ký tự (hoặc phần tử).",
            LengthAttribute => "{0} phải có từ {1} đến {2} phần tử.",
            RangeAttribute => "{0} phải từ {1} đến {2}.",
            EmailAddressAttribute => "{0} không phải là địa chỉ e-mail hợp lệ.",
            PhoneAttribute => "{0} không phải là số điện thoại hợp lệ.",
            UrlAttribute => "{0} không phải là địa chỉ web hợp lệ.",
            RegularExpressionAttribute => "{0} không đúng định dạng.",
            CompareAttribute => "{0} không khớp với {1}.",
            AllowedValuesAttribute or DeniedValuesAttribute => "{0} có giá trị không được chấp nhận.",
            _ => "{0} không hợp lệ.",
        };
        attribute.ErrorMessage = message;
    }

    /// <summary>The sentences model binding says when a form's text cannot become the field's type (a date, a number, a choice).</summary>
    public static void Apply(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị \"{Short(value)}\" không hợp lệ cho {field}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị \"{Short(value)}\" không hợp lệ.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của {field} không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị \"{Short(value)}\" không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} phải là một số.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Trường này phải là một số.");
        messages.SetValueMustNotBeNullAccessor(value => $"Vui lòng nhập {value}.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị cho {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
    }

    // A value echoed back in a message is cut short: a 100,000-character paste should not come back whole.
    private static string Short(string? value) => value is { Length: > 40 } ? value[..40] + "…" : value ?? string.Empty;

    /// <summary>The validated properties of a type, each with its display name and its rules (Vietnamese defaults applied).</summary>
    public static (PropertyInfo Property, string Name, ValidationAttribute[] Rules)[] RulesOf(Type type) =>
        Types.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p =>
            {
                var rules = p.GetCustomAttributes<ValidationAttribute>(true).ToArray();
                foreach (var rule in rules)
                {
                    Apply(rule);
                }

                return (p, p.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? p.Name, rules);
            })
            .Where(x => x.rules.Length > 0)
            .ToArray());
}

/// <summary>The pages' side: MVC's validation metadata gets the same Vietnamese defaults.</summary>
public sealed class VietnameseValidationMetadataProvider : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            VietnameseValidation.Apply(attribute);
        }
    }
}

/// <summary>
/// The form's data-val-* attributes: the framework adds an implicit "required" rule for yes/no and choice fields with
/// its own English message; this gives it the Vietnamese one.
/// </summary>
public sealed class VietnameseClientValidatorProvider : Microsoft.AspNetCore.Mvc.ModelBinding.Validation.IClientModelValidatorProvider
{
    public void CreateValidators(Microsoft.AspNetCore.Mvc.ModelBinding.Validation.ClientValidatorProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var item in context.Results)
        {
            if (item.Validator?.GetType().GetProperty("Attribute")?.GetValue(item.Validator) is ValidationAttribute attribute)
            {
                VietnameseValidation.Apply(attribute);
            }
        }
    }
}
