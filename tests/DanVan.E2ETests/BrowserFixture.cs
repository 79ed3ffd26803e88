using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>The app on a real loopback port (Kestrel) and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string OfficerEmail = "canbo.e2e@danvan.vn";
    public const string SecretariatEmail = "bandanvan.e2e@danvan.vn";

    private IPlaywright? _playwright;

    public DanVanFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public static string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = AddressOf(App);
        App.ClientOptions.BaseAddress = new Uri(BaseUrl); // API calls in set-up go to the real port
        await App.CreateUserAsync(OfficerEmail, (Role.Officer, TestData.LuongBang));
        await App.CreateUserAsync(SecretariatEmail, (Role.Secretariat, TestData.HungYen));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic", "--lang=vi-VN"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    /// <summary>Where a started app listens, as the browser reaches it.</summary>
    public static string AddressOf(DanVanFactory app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);

    /// <summary>A fresh browser context the size of a mid-range phone.</summary>
    public async Task<IPage> NewPhonePageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "vi-VN",
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
