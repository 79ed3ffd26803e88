using System.Net;
using System.Text.RegularExpressions;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>Self-service password reset by a mailed link: one use, two hours, nothing told about who has an account.</summary>
[Collection(AppCollection.Name)]
public partial class MailRecoveryTests(DanVanFactory app)
{
    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?\S+")]
    private static partial Regex ResetLink();

    [Fact]
    public async Task ForgottenPassword_MailsAOneTimeLink_ThatSetsANewPassword_AndEndsOldSessions()
    {
        var email = TestData.UniqueEmail();
        var user = await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var oldSession = await HtmlClient.SignedInAsync(app, email);
        var token = await app.ClientForAsync(user);

        var visitor = HtmlClient.Anonymous(app);
        var asked = await visitor.PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var askedHtml = HtmlClient.Parse(await asked.Content.ReadAsStringAsync());
        Assert.NotNull(askedHtml.QuerySelector("#reset-sent"));

        var mail = Assert.Single(await app.MailsToAsync(email));
        Assert.Equal("DanVan: đặt lại mật khẩu", mail.Subject);
        var link = new Uri(ResetLink().Match(mail.TextBody ?? string.Empty).Value);
        // The mail is also a line in the app: the person sees that a reset was asked for.
        var notes = Regex.Unescape((await (await token.GetAsync("/api/v1/notifications")).ReadJsonAsync()).GetRawText());
        Assert.Contains("đặt lại mật khẩu", notes, StringComparison.Ordinal);

        var form = await visitor.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, form.Response.StatusCode);
        var fields = new Dictionary<string, string>
        {
            ["user"] = form.Document.QuerySelector("input[name=user]")!.GetAttribute("value")!,
            ["Code"] = form.Document.QuerySelector("input[name=Code]")!.GetAttribute("value")!,
        };
        // The password rules hold here too, and a refused password spends nothing.
        var weak = await visitor.PostFormAsync("/Account/ResetPassword", new(fields) { ["Password"] = "123", ["Confirm"] = "123" }, link.PathAndQuery);
        Assert.NotNull(HtmlClient.Parse(await weak.Content.ReadAsStringAsync()).QuerySelector("span[data-valmsg-for=Password].field-validation-error"));
        const string NewPassword = "Mùa lúa chín ở Lương Bằng 2026";
        var done = await visitor.PostFormAsync("/Account/ResetPassword", new(fields) { ["Password"] = NewPassword, ["Confirm"] = NewPassword }, link.PathAndQuery);
        Assert.NotNull(HtmlClient.Parse(await done.Content.ReadAsStringAsync()).QuerySelector("#reset-done"));

        await HtmlClient.SignedInAsync(app, email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await oldSession.Http.GetAsync("/Initiatives")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);

        // Used once: the same link, opened again, says so at once (no form to fill in vain) and does not set a password again.
        var (_, spent) = await visitor.GetAsync(link.PathAndQuery);
        Assert.NotNull(spent.QuerySelector("#reset-spent"));
        Assert.Null(spent.QuerySelector("input[name=Password]"));
        var again = await visitor.PostFormAsync("/Account/ResetPassword", new(fields) { ["Password"] = NewPassword + "!", ["Confirm"] = NewPassword + "!" }, "/Account/ForgotPassword");
        Assert.Contains("đã hết hạn hoặc đã được dùng", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await HtmlClient.SignedInAsync(app, email, NewPassword);
    }

    [Fact]
    public async Task UnknownAddress_GetsTheSameAnswer_AndNoMail_AndAForgedLinkChangesNothing()
    {
        var nobody = TestData.UniqueEmail();
        var visitor = HtmlClient.Anonymous(app);
        var asked = await visitor.PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = nobody });
        Assert.NotNull(HtmlClient.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector("#reset-sent"));
        Assert.Empty(await app.MailsToAsync(nobody, atLeast: 0));

        var email = TestData.UniqueEmail();
        var user = await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        foreach (var code in new[] { "", "not-base64-@@", "QUJD", new string('A', 4000) })
        {
            var forged = await visitor.PostFormAsync("/Account/ResetPassword",
                new() { ["user"] = user.Id, ["Code"] = code, ["Password"] = "Một mật khẩu khá dài 2026", ["Confirm"] = "Một mật khẩu khá dài 2026" },
                "/Account/ForgotPassword");
            Assert.True(forged.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{code[..Math.Min(code.Length, 10)]}: {forged.StatusCode}");
        }

        await HtmlClient.SignedInAsync(app, email);
        var empty = await visitor.PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = "" });
        Assert.Contains("Vui lòng nhập Email", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccountLockedByAnAdmin_GetsNoResetLink_AndAnOldLinkDoesNotUnlockIt()
    {
        var email = TestData.UniqueEmail();
        var user = await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var visitor = HtmlClient.Anonymous(app);
        // A link asked for while the account was open...
        await visitor.PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = email });
        var link = new Uri(ResetLink().Match(Assert.Single(await app.MailsToAsync(email)).TextBody ?? string.Empty).Value);
        // ...then an admin locks the account (someone who has left).
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.MaxValue);
        }

        var asked = await visitor.PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = email });
        Assert.NotNull(HtmlClient.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector("#reset-sent"));
        Assert.Single(await app.MailsToAsync(email));
        var (_, form) = await visitor.GetAsync(link.PathAndQuery);
        Assert.NotNull(form.QuerySelector("#reset-spent")); // the account is locked: the old link says so on opening
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        var reset = await visitor.PostFormAsync("/Account/ResetPassword", new()
        {
            ["user"] = query["user"].ToString(), ["Code"] = query["code"].ToString(),
            ["Password"] = "Người đã nghỉ việc 2026", ["Confirm"] = "Người đã nghỉ việc 2026",
        }, "/Account/ForgotPassword");
        Assert.Contains("đã hết hạn hoặc đã được dùng", WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            Assert.Equal(DateTimeOffset.MaxValue, (await users.FindByIdAsync(user.Id))!.LockoutEnd);
        }
    }
}
