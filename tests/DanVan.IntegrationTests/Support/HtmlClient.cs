using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DanVan.IntegrationTests.Support;

/// <summary>A browser-like client for the Razor pages: cookies, antiforgery tokens, form posts.</summary>
public sealed class HtmlClient(HttpClient client)
{
    public HttpClient Http { get; } = client;

    public static async Task<HtmlClient> SignedInAsync(DanVanFactory factory, string email, string password = TestData.Password)
    {
        var c = new HtmlClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var response = await c.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return c;
    }

    public static HtmlClient Anonymous(DanVanFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, new HtmlParser().ParseDocument(html));
    }

    /// <summary>Loads the page to get its antiforgery token, then posts the fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var (_, doc) = await GetAsync(formPage ?? url);
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? url}");
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await Http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
