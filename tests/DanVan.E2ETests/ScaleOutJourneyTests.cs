using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>
/// Two nodes of the app on one database, as behind a load balancer: a phone signed in on one carries on on the
/// other, and signing out on the second ends the session on the first.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ScaleOutJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task ASessionStartedOnOneNode_GoesOnOnTheOther_AndEndsOnBoth()
    {
        await using var second = DanVanFactory.SecondNode(fx.App, new Dictionary<string, string?>());
        second.UseKestrel(0);
        second.StartServer();
        var nodeB = BrowserFixture.AddressOf(second);

        var phone = await fx.NewPhonePageAsync();
        await new LoginPage(phone).SignInAsync(BrowserFixture.OfficerEmail, TestData.Password);
        await phone.GotoAsync(nodeB + "/Initiatives");
        Assert.StartsWith(nodeB + "/Initiatives", phone.Url, StringComparison.Ordinal);
        await Assertions.Expect(phone.Locator("#result-count")).ToContainTextAsync("Tìm thấy");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "scale-out-node-b.png"), FullPage = true });

        // Signed out on node B: node A no longer knows the cookie either (sessions live in the database).
        // (The menu's sign-out form, as its button sends it; on a phone the button sits in the folded menu.)
        await phone.Locator("form[action='/Account/Logout']").First.EvaluateAsync("f => f.submit()");
        await phone.WaitForURLAsync(url => !url.Contains("/Initiatives", StringComparison.Ordinal));

        await phone.GotoAsync(fx.BaseUrl + "/Initiatives");
        Assert.Contains("/Account/Login", phone.Url, StringComparison.Ordinal);
    }
}
