using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>
/// The page side of <see cref="Refusals"/> for whatever a handler did not show on its form: "not yours" is a 404 or 403
/// page; any other refusal goes back to the page it came from with the sentence as a flash message.
/// </summary>
public sealed class RefusalPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || Refusals.Of(executed.Exception) is not { } refusal)
        {
            return;
        }

        executed.ExceptionHandled = true;
        var http = context.HttpContext;
        // "Not yours" answers like the API; so does any refusal of a page that is only being read (sending it back to
        // the same address would loop).
        if (refusal.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            executed.Result = new StatusCodeResult(refusal.Status);
            return;
        }

        var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        tempData["Error"] = refusal.Message;
        executed.Result = new RedirectResult(http.Request.Path + http.Request.QueryString);
    }
}
