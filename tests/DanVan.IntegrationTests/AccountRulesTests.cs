using System.Net;
using DanVan.Domain;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace DanVan.IntegrationTests;

/// <summary>Accounts keep their rules on every path: links from the configured site only, tokens apart from sign-in lockouts.</summary>
[Collection(AppCollection.Name)]
public class AccountRulesTests(DanVanFactory app)
{
    [Fact]
    public async Task TheResetLink_NamesTheConfiguredSite_WhateverHostTheRequestGives()
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.ThaiHoa));
        var visitor = HtmlClient.Anonymous(app);
        var (_, form) = await visitor.GetAsync("/Account/ForgotPassword");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = user.Email!, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.SendAsync(request)).StatusCode);
        var mail = Assert.Single(await app.MailsToAsync(user.Email!));
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(SiteAddress.Development + "/Account/ResetPassword?", mail.TextBody, StringComparison.Ordinal);
    }

    private sealed class Env(string name) : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "DanVan.Web";
        public string WebRootPath { get; set; } = string.Empty;
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = string.Empty;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Fact]
    public void OutsideDevelopment_TheSiteAddressMustBeSet_AndBeAnAddress()
    {
        IConfiguration Config(string? url) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:SiteUrl"] = url }).Build();
        Assert.Throws<InvalidOperationException>(() => new SiteAddress(Config(null), new Env("Production")));
        Assert.Throws<InvalidOperationException>(() => new SiteAddress(Config("javascript:alert(1)"), new Env("Production")));
        Assert.Equal("https://danvan.hungyen.gov.vn", new SiteAddress(Config("https://danvan.hungyen.gov.vn/"), new Env("Production")).Url);
        Assert.Equal(SiteAddress.Development, new SiteAddress(Config(null), new Env("Development")).Url);
    }

    [Fact]
    public async Task WrongPasswords_LockTheSignInPage_NotThePersonsTokens()
    {
        var email = TestData.UniqueEmail();
        var user = await app.CreateUserAsync(email, (Role.Officer, TestData.ThaiHoa));
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(user));
        var visitor = HtmlClient.Anonymous(app);
        for (var k = 0; k < 6; k++)
        {
            await visitor.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = "Sai-mat-khau-" + k });
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData("Hungyen2026")]
    [InlineData("Dangcongsan1930")]
    [InlineData("Dan-van-kheo-2027")]
    [InlineData("NgheAn-2025")]
    public void PasswordsMadeOfTheSitesWords_AreGuessable(string password) =>
        Assert.True(PasswordRules.Score(password, "canbo@danvan.vn") < PasswordRules.MinimumScore, password);

    [Fact]
    public async Task ANonAsciiReturnAddress_AfterAGoodSignIn_IsFollowed_NotAFault()
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.ThaiHoa));
        var visitor = HtmlClient.Anonymous(app);
        var signedIn = await visitor.PostFormAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString("/Initiatives?q=Đường làng"),
            new() { ["Input.Email"] = user.Email!, ["Input.Password"] = TestData.Password, ["ReturnUrl"] = "/Initiatives?q=Đường" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/Initiatives?q=%C4%90%C6%B0%E1%BB%9Dng", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ThePasswordAskedAgain_CountsWrongTries_LikeTheSignInPage()
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.ThaiHoa));
        var page = await HtmlClient.SignedInAsync(app, user.Email!);
        for (var k = 0; k < 5; k++)
        {
            await page.PostFormAsync("/Account/Manage/Tokens?handler=Create", new() { ["Name"] = "thử", ["Days"] = "30", ["Password"] = "Sai-mat-khau-" + k }, "/Account/Manage/Tokens");
        }

        var right = await page.PostFormAsync("/Account/Manage/Tokens?handler=Create", new() { ["Name"] = "thử", ["Days"] = "30", ["Password"] = TestData.Password }, "/Account/Manage/Tokens");
        var html = HtmlClient.Parse(await right.Content.ReadAsStringAsync());
        Assert.Contains("tạm khoá", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(html.QuerySelector("code.new-token, #new-token"));
    }

    [Fact]
    public async Task ResetMails_ToOneAccount_AreLimitedEachHour()
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.ThaiHoa));
        var visitor = HtmlClient.Anonymous(app);
        for (var k = 0; k < 6; k++)
        {
            var asked = await visitor.PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = user.Email! });
            Assert.NotNull(HtmlClient.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector("#reset-sent"));
        }

        // Waits for six and finds the limit's three (the requests are handled off the page, in order).
        Assert.Equal(DanVan.Features.Admin.Users.AccountRecovery.ResetMailsPerHour, (await app.MailsToAsync(user.Email!, atLeast: 6)).Count);
    }
}
