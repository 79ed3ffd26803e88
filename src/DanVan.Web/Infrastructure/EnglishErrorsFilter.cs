using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DanVan.Domain;
using Microsoft.Extensions.Localization;

namespace DanVan.Infrastructure;

/// <summary>
/// A refusal is written once, in Vietnamese, by the rule that refuses (a domain method, a lookup); an English page shows
/// it through en.json like any other text. The field errors of the attributes are English already and pass unchanged.
/// </summary>
public sealed class EnglishErrorsFilter(IStringLocalizerFactory factory) : IAsyncAlwaysRunResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Result is PageResult && System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && context.ModelState.ErrorCount > 0)
        {
            var l = factory.Create(typeof(Text));
            foreach (var entry in context.ModelState.Values.ToList())
            {
                var errors = entry.Errors.ToList();
                if (!errors.Any(e => VietnameseText.HasVietnameseLetters(e.ErrorMessage)))
                {
                    continue;
                }

                entry.Errors.Clear();
                foreach (var e in errors)
                {
                    entry.Errors.Add(VietnameseText.HasVietnameseLetters(e.ErrorMessage) ? l[e.ErrorMessage].Value : e.ErrorMessage);
                }
            }
        }

        return next();
    }
}
