using DanVan.Domain;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace DanVan.Infrastructure;

/// <summary>
/// Vietnamese is the source language: the text in the code is the key. English translations live in
/// Resources/en.json (Vietnamese → English); a missing entry falls back to the Vietnamese text.
/// </summary>
public sealed class TextLocalizerFactory : IStringLocalizerFactory
{
    private readonly FrozenDictionary<string, string> _english;

    public TextLocalizerFactory(IWebHostEnvironment env)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Resources", "en.json");
        if (!File.Exists(file))
        {
            file = Path.Combine(env.ContentRootPath, "Resources", "en.json");
        }

        _english = File.Exists(file)
            ? (JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? []).ToFrozenDictionary(StringComparer.Ordinal)
            : FrozenDictionary<string, string>.Empty;
    }

    public IStringLocalizer Create(Type resourceSource) => new TextLocalizer(_english);

    public IStringLocalizer Create(string baseName, string location) => new TextLocalizer(_english);

    public IReadOnlyDictionary<string, string> English => _english;
}

public sealed class TextLocalizer(FrozenDictionary<string, string> english) : IStringLocalizer
{
    public LocalizedString this[string name] => Translate(name);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var t = Translate(name);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, t.Value, arguments), t.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        english.Select(kv => new LocalizedString(kv.Key, kv.Value));

    private LocalizedString Translate(string name)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en")
        {
            return english.TryGetValue(name, out var en)
                ? new LocalizedString(name, en)
                : new LocalizedString(name, name, resourceNotFound: true);
        }

        return new LocalizedString(name, name);
    }
}

/// <summary>The one marker type pages inject: IStringLocalizer&lt;Text&gt;.</summary>
public sealed class Text;

public static class Cultures
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Date(DateTimeOffset? d) =>
        d is null ? string.Empty : VietnamClock.InVietnam(d.Value).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Numbers always in Vietnamese style (1.234,5), the movement's documents use it.</summary>
    public static string Number(decimal n) => n.ToString("#,##0.##", Vietnamese);

    public static string Number(long n) => n.ToString("#,##0", Vietnamese);
}
