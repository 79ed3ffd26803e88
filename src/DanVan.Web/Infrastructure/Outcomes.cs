using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>Page handlers: a refusal becomes a message on the form, never a 500.</summary>
public static class Outcomes
{
    /// <summary>
    /// Runs a page action; a field or transition refusal becomes a form error (by its field) and the page is shown again.
    /// True when it succeeded. "Not yours" is left to <see cref="RefusalPageFilter"/>, which answers 404/403 like the API.
    /// </summary>
    public static async Task<bool> PageAsync(ModelStateDictionary modelState, AppDbContext db, Func<Task> action, string prefix = "Input.")
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception e) when (Refusals.Of(e) is { Status: not (StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound) } refusal)
        {
            modelState.AddModelError(refusal.Field is null ? string.Empty : prefix + refusal.Field, refusal.Message);
        }

        db.ChangeTracker.Clear();
        return false;
    }
}
