using System.Globalization;
using DanVan.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DanVan.Infrastructure;

/// <summary>
/// Reads numbers the way Vietnamese officers type them: "1.234,5" and "1,5" (Vietnamese), "7.5" (a decimal
/// point), "25.043" or "1.234.567" (dots grouping thousands). Only-dots input is read as thousands groups when
/// every group after the first has three digits, otherwise as a decimal point.
/// </summary>
public static class VietnameseNumber
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal);
        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        string normal;
        if (lastComma >= 0 && lastDot >= 0)
        {
            // The later separator is the decimal one.
            normal = lastComma > lastDot
                ? s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.')
                : s.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (lastComma >= 0)
        {
            normal = s.Count(c => c == ',') == 1 ? s.Replace(',', '.') : s.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (lastDot >= 0)
        {
            var groups = s.TrimStart('-', '+').Split('.');
            var thousands = groups.Length > 1 && groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
            normal = thousands ? s.Replace(".", string.Empty, StringComparison.Ordinal) : s;
        }
        else
        {
            normal = s;
        }

        return decimal.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}

public sealed class VietnameseDecimalBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (bindingContext.ModelType == typeof(decimal?))
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        if (VietnameseNumber.TryParse(text, out var value))
        {
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"\"{text}\" không phải là số.");
        }

        return Task.CompletedTask;
    }
}

public sealed class VietnameseDecimalBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context?.Metadata.ModelType == typeof(decimal) || context?.Metadata.ModelType == typeof(decimal?) ? new VietnameseDecimalBinder() : null;
}

/// <summary>
/// Yes/no fields (check boxes): anything but true/false is a field error, and the form is shown again unchecked
/// (the framework's own binder keeps the bad text, which the check box then cannot draw: a 500).
/// </summary>
public sealed class CheckBoxBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text) && bindingContext.ModelType == typeof(bool?))
        {
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else if (bool.TryParse(text, out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, "false", "false");
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Giá trị có/không không hợp lệ.");
        }

        return Task.CompletedTask;
    }
}

public sealed class CheckBoxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context?.Metadata.ModelType == typeof(bool) || context?.Metadata.ModelType == typeof(bool?) ? new CheckBoxBinder() : null;
}

/// <summary>Every text a form sends is cleaned as it enters (<see cref="TextInput.Clean"/>); passwords are taken as typed.</summary>
public sealed class CleanTextBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context?.Metadata.ModelType == typeof(string) && context.Metadata.DataTypeName != nameof(System.ComponentModel.DataAnnotations.DataType.Password)
            ? new CleanTextBinder()
            : null;
}

public sealed class CleanTextBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var text = result.FirstValue;
        bindingContext.Result = ModelBindingResult.Success(
            string.IsNullOrWhiteSpace(text) && bindingContext.ModelMetadata.ConvertEmptyStringToNull ? null : TextInput.Clean(text ?? string.Empty));
        return Task.CompletedTask;
    }
}

/// <summary>The same cleaning for every text of a JSON body.</summary>
public sealed class CleanTextJsonConverter : System.Text.Json.Serialization.JsonConverter<string>
{
    public override string? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        reader.TokenType == System.Text.Json.JsonTokenType.Null ? null : TextInput.CleanOrNull(reader.GetString());

    public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
