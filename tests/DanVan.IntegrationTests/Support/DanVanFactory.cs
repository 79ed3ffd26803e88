using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DanVan.IntegrationTests.Support;

/// <summary>
/// The app over a real database: a fresh SQLite file, or a fresh PostgreSQL database when
/// DANVAN_TEST_PROVIDER=Postgres (server from DANVAN_TEST_PG, default 127.0.0.1:55432).
/// </summary>
public class DanVanFactory : WebApplicationFactory<Program>
{
    private readonly string _dbName = "danvan_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string? _sqliteFile;

    public DanVanFactory()
    {
        Provider = Environment.GetEnvironmentVariable("DANVAN_TEST_PROVIDER") is { } p && p.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseKind.Postgres
            : DatabaseKind.Sqlite;
        if (Provider == DatabaseKind.Sqlite)
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), _dbName + ".db");
            ConnectionString = $"Data Source={_sqliteFile};Pooling=False";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("DANVAN_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
            ConnectionString = $"{server};Database={_dbName}";
        }
    }

    /// <summary>A second node of the same app: same database, its own process state; extra settings on top.</summary>
    private DanVanFactory(DanVanFactory sameDatabaseAs, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(sameDatabaseAs);
        Provider = sameDatabaseAs.Provider;
        ConnectionString = sameDatabaseAs.ConnectionString;
        _ownsDatabase = false;
        Settings = settings;
    }

    /// <summary>A node with extra settings on its own fresh database.</summary>
    private DanVanFactory(IReadOnlyDictionary<string, string?> settings)
        : this()
    {
        Settings = settings;
    }

    /// <summary>An app with these settings on its own fresh database.</summary>
    public static DanVanFactory WithSettings(IReadOnlyDictionary<string, string?> settings) => new(settings);

    /// <summary>Another node of <paramref name="first"/>'s app: the same database, these settings.</summary>
    public static DanVanFactory SecondNode(DanVanFactory first, IReadOnlyDictionary<string, string?> settings) => new(first, settings);

    private readonly bool _ownsDatabase = true;

    public IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>The Redis server of the tests (scripts/test.sh starts one), as a StackExchange.Redis configuration.</summary>
    public static string TestRedis => Environment.GetEnvironmentVariable("DANVAN_TEST_REDIS") is { Length: > 0 } r ? r
        : throw new InvalidOperationException("DANVAN_TEST_REDIS is not set: run the tests with scripts/test.sh, which starts a Redis server, or set it to one (e.g. 127.0.0.1:6379).");

    public DatabaseKind Provider { get; }

    /// <summary>Where this app writes its mail (.eml files): the pickup folder of development, read by the tests.</summary>
    public string MailDir { get; } = Path.Combine(Path.GetTempPath(), "danvan_mail_" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The mails sent to an address so far, oldest first, waiting up to five seconds for the first one.</summary>
    public async Task<List<MimeKit.MimeMessage>> MailsToAsync(string email, int atLeast = 1)
    {
        for (var i = 0; ; i++)
        {
            var mails = Directory.Exists(MailDir)
                ? Directory.GetFiles(MailDir, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeKit.MimeMessage.Load(f))
                    .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))).ToList()
                : [];
            if (mails.Count >= atLeast || i >= 50)
            {
                return mails;
            }

            await Task.Delay(100);
        }
    }

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:DanVan", ConnectionString);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Mail:PickupDirectory", MailDir);
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:PublicFormsPerMinute", "100000");
        builder.UseSetting("RateLimits:ApiTokenPerMinute", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("PublicCache:StalenessSeconds", "0"); // a test reads what it saved at once (the staleness has its own test)
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ContractCheck.StartupFilter(Contract)));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>The check of every API answer against the published document (see <see cref="ContractCheck"/>).</summary>
    public ContractCheck Contract => _contract ??= new ContractCheck(() => CreateClient().GetStringAsync("/openapi/v1.json"));

    private ContractCheck? _contract;

    /// <summary>Creates a user holding the given grants (unit codes of the 2025 map; null = whole country).</summary>
    public async Task<AppUser> CreateUserAsync(string email, params (Role Role, string? Unit)[] grants)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = email, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, TestData.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        foreach (var (role, unit) in grants)
        {
            var u = unit is null ? null : await db.AdminUnits.SingleAsync(x => x.Map == Maps.Current && x.Code == unit);
            db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = role, UnitId = u?.Id, ScopePath = u?.Path ?? "/" });
        }

        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>Sets where the person works, which decides appraisal conflicts.</summary>
    public async Task SetHomeUnitAsync(AppUser user, string unitCode)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unitId = await db.AdminUnits.Where(u => u.Map == Maps.Current && u.Code == unitCode).Select(u => u.Id).SingleAsync();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.HomeUnitId, unitId));
    }

    public async Task<HttpClient> ClientForAsync(AppUser user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Authorization = new("Bearer", await CreateTokenAsync(user));
        return client;
    }

    public async Task<string> CreateTokenAsync(AppUser user, string name = "test")
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (_, token) = await ApiTokenService.CreateAsync(db, user, name, TimeProvider.System);
        return token;
    }

    /// <summary>An HTTP client that calls the API with a fresh user's token.</summary>
    public async Task<HttpClient> ApiClientAsync(params (Role Role, string? Unit)[] grants)
    {
        var user = await CreateUserAsync(TestData.UniqueEmail(), grants);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Authorization = new("Bearer", await CreateTokenAsync(user));
        return client;
    }

    /// <summary>An HTTP client signed in with a cookie, as a browser is, for the pages.</summary>
    public async Task<HttpClient> PageClientAsync(params (Role Role, string? Unit)[] grants)
    {
        var email = TestData.UniqueEmail();
        await CreateUserAsync(email, grants);
        return (await HtmlClient.SignedInAsync(this, email)).Http;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_contract is { } contract)
        {
            if (Environment.GetEnvironmentVariable("DANVAN_CONTRACT_REPORT") is { Length: > 0 } report)
            {
                await File.AppendAllLinesAsync(report, [$"# {contract.Checked} answers checked", .. contract.Violations.Select(v => $"{v.Value}\t{v.Key}")]);
            }

            if (contract.Unexpected.Count > 0)
            {
                throw new InvalidOperationException($"{contract.Unexpected.Count} kinds of API answers outside the OpenAPI document ({contract.Checked} answers checked):\n"
                    + string.Join('\n', contract.Unexpected));
            }
        }

        if (Directory.Exists(MailDir))
        {
            Directory.Delete(MailDir, recursive: true);
        }

        if (!_ownsDatabase)
        {
            // A second node: the first one removes the database.
        }
        else if (_sqliteFile is not null)
        {
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(f);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            var server = Environment.GetEnvironmentVariable("DANVAN_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
            await using var conn = new NpgsqlConnection(server + ";Database=postgres");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_dbName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>One app and one database for every integration test: the map loads once.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<DanVanFactory>
{
    public const string Name = "app";
}
