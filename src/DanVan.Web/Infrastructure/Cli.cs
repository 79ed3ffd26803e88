using System.CommandLine;
using System.CommandLine.Parsing;
using DanVan.Data;
using DanVan.Data.Seeding;
using DanVan.Domain;
using DanVan.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>
/// Operator commands on the same program and configuration as the web app:
/// dotnet run --project src/DanVan.Web -- &lt;command&gt; [options].
/// </summary>
public static class Cli
{
    private static readonly string[] Commands = ["migrate", "seed", "create-admin", "create-token", "reset-password", "reset-2fa", "import", "generate", "backup", "purge-audit", "files", "help", "--help", "-h"];

    public const string Usage = """
        DanVan — lệnh vận hành / operator commands

          migrate                                   tạo hoặc nâng cấp cơ sở dữ liệu / create or upgrade the database
          seed [--demo]                             nạp bản đồ hành chính (và dữ liệu thử) / load the map (and demo data)
          create-admin --email E --password P       tạo tài khoản quản trị / create an admin account
          create-token --email E --name N [--days D] tạo mã truy cập API (hạn D ngày, mặc định 90), chỉ in mã / create an API token (valid D days, default 90), prints only the token
          reset-password --email E [--password P]   đặt lại mật khẩu (không có P: in mật khẩu tạm), mở khoá, đăng xuất mọi nơi, thu hồi mã API
                                                    / reset a password (without P: prints a temporary one), unlock, end sessions, revoke tokens
          reset-2fa --email E                       tắt xác thực hai bước (mất điện thoại) / turn two-step off (lost phone)
          import initiatives --file F [--dry-run]   nhập mô hình từ .xlsx/.csv: tất cả hoặc không dòng nào / import all rows or none
          import results --file F [--dry-run]       nhập số liệu kết quả phong trào (đơn vị, kỳ, chỉ tiêu, giá trị) / import the movement's figures
          import awards --file F [--dry-run]        nhập danh sách khen thưởng (số, ngày, cấp, hình thức, tập thể/cá nhân, tên, đơn vị) / import award lists
          generate --initiatives N [--seed S] [--from-year Y] [--to-year Y]
                                                    sinh dữ liệu thử nghiệm quy mô lớn / synthetic data for benchmarks
          backup --file F                           SQLite: chụp toàn bộ CSDL vào tệp F (chạy được khi ứng dụng đang chạy)
                                                    / SQLite: a consistent copy of the database, safe while the app runs
                                                    (PostgreSQL: pg_dump, xem docs/operations.md)
          purge-audit [--older-than-years N]        xoá nhật ký cũ hơn N năm (mặc định Retention:AuditYears = 10)
                                                    / delete audit lines older than N years
          files move --to database|local [--keep]  chuyển tệp tải lên sang CSDL hoặc thư mục (Storage:Uploads), rồi đổi Storage:Files
                                                    / move uploaded files into the database or the directory, then set Storage:Files
          help                                      hướng dẫn này / this help

        Cấu hình / configuration: Database__Provider=Sqlite|Postgres, ConnectionStrings__DanVan=...
        """;

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith("--", StringComparison.Ordinal) || args[0] == "--help");

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var error = stderr ?? Console.Error;
        var command = args[0];
        if (!Commands.Contains(command))
        {
            await error.WriteLineAsync($"Lệnh không hợp lệ / unknown command: '{command}'.\n\n{Usage}");
            return 2;
        }

        if (command is "help" or "--help" or "-h")
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        // Help right after the command words ("seed --help", "import results -h"), not as an option's value.
        if (args.Skip(1).Take(2).Any(a => a is "--help" or "-h" or "-?"))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        if (!TryParse(args, out var options, out var problem))
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(VietnamClock.Instance);
        builder.Services.AddSingleton<ICurrentActor>(new SystemActor("cli"));
        builder.Services.AddDanVanDatabase(builder.Configuration);
        builder.Services.AddIdentityCore<AppUser>(PasswordRules.Apply)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddPasswordValidator<GuessablePasswordValidator>();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        try
        {
            switch (command)
            {
                case "migrate":
                    await db.Database.MigrateAsync();
                    await output.WriteLineAsync("Đã cập nhật cơ sở dữ liệu / database migrated.");
                    return 0;
                case "seed":
                    await db.Database.MigrateAsync();
                    var counts = await MapSeeder.SeedAsync(db);
                    await MeasureSeeder.SeedAsync(db);
                    await IndicatorSeeder.SeedAsync(db);
                    await AwardFormSeeder.SeedAsync(db);
                    await output.WriteLineAsync($"Bản đồ / map: 2024 {counts.Units2024} đơn vị, 2025 {counts.Units2025} đơn vị, {counts.Successions} quan hệ kế thừa.");
                    if (options.ContainsKey("demo"))
                    {
                        var accounts = await DemoSeeder.SeedAsync(sp);
                        await output.WriteLineAsync(accounts.Count == 0 ? "Dữ liệu thử đã có / demo data already present." : "Dữ liệu thử / demo data:");
                        foreach (var (email, role, password) in accounts)
                        {
                            await output.WriteLineAsync($"  {role,-12} {email,-32} {password}");
                        }
                    }

                    return 0;
                case "files":
                {
                    var to = options.GetValueOrDefault("to");
                    if (to is not ("database" or "local"))
                    {
                        await error.WriteLineAsync("--to database hoặc / or --to local");
                        return 2;
                    }

                    var root = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, app.Configuration["Storage:Uploads"] ?? "data/uploads"));
                    var keep = options.ContainsKey("keep");
                    var moved = to == "database"
                        ? await Infrastructure.FileMove.ToDatabaseAsync(db, root, keep, CancellationToken.None)
                        : await Infrastructure.FileMove.ToDirectoryAsync(db, root, keep, CancellationToken.None);
                    await output.WriteLineAsync($"Đã chép / copied {moved.Copied}, đã có sẵn / already there {moved.AlreadyThere}, đã xoá bản gốc / originals removed {moved.Removed}.");
                    await output.WriteLineAsync($"Đặt / set Storage:Files={(to == "database" ? "Database" : "Local")} rồi khởi động lại / then restart.");
                    return 0;
                }

                case "purge-audit":
                {
                    var configured = sp.GetRequiredService<IConfiguration>().GetValue("Retention:AuditYears", 10);
                    var years = options.TryGetValue("older-than-years", out var y) ? int.TryParse(y, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1 : configured;
                    if (years is < 1 or > 100)
                    {
                        await error.WriteLineAsync("--older-than-years phải từ 1 đến 100 / must be 1..100");
                        return 2;
                    }

                    var deleted = await Features.PersonalData.PersonalDataRequests.PurgeAuditAsync(db, years, VietnamClock.Instance, CancellationToken.None);
                    await output.WriteLineAsync($"Đã xoá / deleted {deleted} dòng nhật ký cũ hơn {years} năm.");
                    return 0;
                }

                case "backup":
                {
                    if (!db.Dialect.BacksUpInProcess)
                    {
                        await error.WriteLineAsync("PostgreSQL: dùng / use pg_dump -Fc (docs/operations.md).");
                        return 2;
                    }

                    var file = Path.GetFullPath(Required(options, "file"));
                    if (File.Exists(file))
                    {
                        await error.WriteLineAsync($"Tệp đã có, không ghi đè / file exists, not overwritten: {file}");
                        return 2;
                    }

                    // VACUUM INTO writes a consistent, compact copy from one read transaction; writers go on meanwhile.
                    await db.Database.ExecuteSqlAsync($"VACUUM INTO {file}");
                    await output.WriteLineAsync($"Đã sao lưu / backed up: {file} ({new FileInfo(file).Length / 1024} KB)");
                    return 0;
                }

                case "create-admin":
                    return await CreateAdminAsync(sp, db, Required(options, "email"), Required(options, "password"), output, error);
                case "reset-password":
                case "reset-2fa":
                {
                    var users = sp.GetRequiredService<UserManager<AppUser>>();
                    var email = Required(options, "email");
                    if (await users.FindByEmailAsync(email) is not { } user)
                    {
                        await error.WriteLineAsync($"Không có tài khoản / no such account: {email}");
                        return 1;
                    }

                    if (command == "reset-2fa")
                    {
                        await Features.Admin.Users.AccountRecovery.ResetTwoFactorAsync(users, db, user, VietnamClock.Instance);
                        await output.WriteLineAsync($"Đã tắt xác thực hai bước / two-step turned off: {email}");
                        return 0;
                    }

                    var (result, password) = await Features.Admin.Users.AccountRecovery.ResetPasswordAsync(users, db, user, options.GetValueOrDefault("password"), VietnamClock.Instance);
                    if (!result.Succeeded)
                    {
                        foreach (var e in result.Errors)
                        {
                            await error.WriteLineAsync(e.Description);
                        }

                        return 1;
                    }

                    // A generated password is printed alone, for a script or an operator to pass on.
                    await output.WriteLineAsync(options.ContainsKey("password") ? $"Đã đặt lại mật khẩu / password reset: {email}" : password);
                    return 0;
                }
                case "create-token":
                {
                    var days = ApiTokenService.DefaultDays;
                    if (options.TryGetValue("days", out var d) && !(int.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, out days) && days is >= 1 and <= ApiTokenService.MaxDays))
                    {
                        await error.WriteLineAsync($"--days phải là số từ 1 đến {ApiTokenService.MaxDays} / must be 1..{ApiTokenService.MaxDays}");
                        return 2;
                    }

                    return await CreateTokenAsync(sp, db, Required(options, "email"), Required(options, "name"), days, output, error);
                }
                case "generate":
                {
                    if (!int.TryParse(Required(options, "initiatives"), System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 1 or > 5_000_000)
                    {
                        await error.WriteLineAsync("--initiatives phải là số từ 1 đến 5.000.000 / must be 1..5,000,000");
                        return 2;
                    }

                    static int Int(Dictionary<string, string?> o, string k, int d) => o.TryGetValue(k, out var v) && int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var x) ? x : d;
                    await db.Database.MigrateAsync();
                    await MapSeeder.SeedAsync(db);
                    await MeasureSeeder.SeedAsync(db);
                    await IndicatorSeeder.SeedAsync(db);
                    await AwardFormSeeder.SeedAsync(db);
                    var result = await Seeding.Generator.RunAsync(db, n, Int(options, "seed", 1), Int(options, "from-year", 2013), Int(options, "to-year", 2026),
                        done => output.WriteLine($"  {done}"));
                    await output.WriteLineAsync($"Sinh / generated {result.Initiatives} mô hình, {result.Recognitions} lượt công nhận, {result.Retired} loại bỏ, {result.ResultReports} báo cáo kết quả, {result.Appraisals} đợt thẩm định, {result.SurveyAnswers} phiếu khảo sát, {result.UnitReportValues} số liệu báo cáo đơn vị, {result.Organizations} tổ chức, {result.Users} người dùng in {result.Elapsed.TotalSeconds:0.0} s");
                    return 0;
                }

                case "import" when args[1] == "awards":
                    return await ImportFileAsync(Required(options, "file"), error, output, async (scope, stream, name) =>
                    {
                        var dryRun = options.ContainsKey("dry-run");
                        var o = await Features.Awards.AwardsImport.RunAsync(db, scope, stream, name, dryRun, VietnamClock.Instance);
                        return (o.FileError, o.Errors, dryRun
                            ? $"Hợp lệ / valid: {o.Total} dòng / rows, {o.Decisions} quyết định / decisions."
                            : $"Đã nhập / imported {o.Total} dòng / rows: {o.Decisions} quyết định khen thưởng / award decisions.");
                    });
                case "import" when args[1] == "results":
                    return await ImportResultsAsync(db, Required(options, "file"), options.ContainsKey("dry-run"), output, error);
                case "import":
                    return await ImportAsync(db, Required(options, "file"), options.ContainsKey("dry-run"), output, error);
                default:
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (DomainException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider sp, AppDbContext db, string email, string password, TextWriter output, TextWriter error)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        await db.Database.MigrateAsync();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await error.WriteLineAsync($"Tài khoản {email} đã tồn tại / already exists.");
            return 1;
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Quản trị hệ thống", CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                await error.WriteLineAsync(e.Description);
            }

            return 1;
        }

        db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = Role.Admin, ScopePath = "/" });
        db.Audit("grant-added", nameof(RoleGrant), user.Id, new { email, role = "admin", unit = (string?)null });
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"Đã tạo tài khoản quản trị / admin created: {email}");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider sp, AppDbContext db, string email, string name, int days, TextWriter output, TextWriter error)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await error.WriteLineAsync($"Không có tài khoản / no such account: {email}");
            return 1;
        }

        var (_, token) = await ApiTokenService.CreateAsync(db, user, name, days, sp.GetRequiredService<TimeProvider>());
        await output.WriteLineAsync(token);
        return 0;
    }

    private static Task<int> ImportAsync(AppDbContext db, string file, bool dryRun, TextWriter output, TextWriter error) =>
        ImportFileAsync(file, error, output, async (scope, stream, name) =>
        {
            var o = await Features.Imports.InitiativeImport.RunAsync(db, scope, stream, name, dryRun, VietnamClock.Instance,
                async (done, total) => await output.WriteLineAsync($"  {done}/{total}"));
            return (o.FileError, o.Errors, dryRun
                ? $"Hợp lệ / valid: {o.Total} dòng / rows."
                : $"Đã nhập / imported {o.Total}: mới {o.Created}, cập nhật {o.Updated}, công nhận {o.Recognitions}, loại bỏ {o.Retired}.");
        });

    private static Task<int> ImportResultsAsync(AppDbContext db, string file, bool dryRun, TextWriter output, TextWriter error) =>
        ImportFileAsync(file, error, output, async (scope, stream, name) =>
        {
            var o = await Features.Indicators.ResultsImport.RunAsync(db, scope, stream, name, dryRun, VietnamClock.Instance);
            return (o.FileError, o.Errors, dryRun
                ? $"Hợp lệ / valid: {o.Total} dòng / rows."
                : $"Đã nhập / imported {o.Total} dòng: {o.UnitValues} số liệu của đơn vị, {o.ModelValues} của mô hình.");
        });

    /// <summary>One import from a file at the console: the operator acts for the whole country; every bad row is printed, nothing is written.</summary>
    private static async Task<int> ImportFileAsync(string file, TextWriter error, TextWriter output,
        Func<UserScope, Stream, string, Task<(string? FileError, IReadOnlyList<Features.Imports.RowError> Errors, string Done)>> run)
    {
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"Không có tệp / no such file: {file}");
            return 2;
        }

        var operatorScope = new UserScope(null, "cli", [(Role.Admin, "/")]);
        await using var stream = File.OpenRead(file);
        var (fileError, errors, done) = await run(operatorScope, stream, Path.GetFileName(file));
        if (fileError is not null)
        {
            await error.WriteLineAsync(fileError);
            return 1;
        }

        foreach (var e in errors)
        {
            await error.WriteLineAsync($"Dòng / line {e.Line}: {string.Join("; ", e.Errors)}");
        }

        if (errors.Count > 0)
        {
            await error.WriteLineAsync($"{errors.Count} dòng lỗi / bad rows; không nhập dòng nào / nothing written.");
            return 1;
        }

        await output.WriteLineAsync(done);
        return 0;
    }

    private static string Required(Dictionary<string, string?> options, string key) =>
        options.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v)
            ? v
            : throw new ArgumentException($"Thiếu tuỳ chọn / missing option: --{key} <giá trị>");

    /// <summary>
    /// The commands' grammar (System.CommandLine): which options each command takes, which take a value and which are
    /// flags. A stray word, an unknown or repeated option, or a value missing is a parse error (exit code 2).
    /// </summary>
    private static RootCommand Grammar()
    {
        static Option<string> Value(string name) => new("--" + name) { Arity = ArgumentArity.ExactlyOne };
        static Option<bool> Flag(string name) => new("--" + name) { Arity = ArgumentArity.Zero };
        static Command Of(string name, params Option[] options)
        {
            var c = new Command(name);
            foreach (var o in options)
            {
                c.Options.Add(o);
            }

            return c;
        }

        var root = new RootCommand("DanVan");
        root.Subcommands.Add(Of("migrate"));
        root.Subcommands.Add(Of("seed", Flag("demo")));
        root.Subcommands.Add(Of("create-admin", Value("email"), Value("password")));
        root.Subcommands.Add(Of("create-token", Value("email"), Value("name"), Value("days")));
        root.Subcommands.Add(Of("reset-password", Value("email"), Value("password")));
        root.Subcommands.Add(Of("reset-2fa", Value("email")));
        var import = new Command("import");
        foreach (var kind in new[] { "initiatives", "results", "awards" })
        {
            import.Subcommands.Add(Of(kind, Value("file"), Flag("dry-run")));
        }

        root.Subcommands.Add(import);
        root.Subcommands.Add(Of("generate", Value("initiatives"), Value("seed"), Value("from-year"), Value("to-year")));
        root.Subcommands.Add(Of("backup", Value("file")));
        root.Subcommands.Add(Of("purge-audit", Value("older-than-years")));
        var files = new Command("files");
        files.Subcommands.Add(Of("move", Value("to"), Flag("keep")));
        root.Subcommands.Add(files);
        return root;
    }

    /// <summary>
    /// Reads a command line by <see cref="Grammar"/> into its options by name ("email" → value; a flag → null). The
    /// command words ("import results") are checked by the grammar too.
    /// </summary>
    public static bool TryParse(string[] args, out Dictionary<string, string?> options, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = new Dictionary<string, string?>(StringComparer.Ordinal);
        problem = null;
        // No response files (@file): an operator's argument is what it says.
        var parsed = Grammar().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            problem = "Tham số không hợp lệ / invalid arguments: " + string.Join(" ", parsed.Errors.Select(e => e.Message));
            return false;
        }

        foreach (var option in parsed.CommandResult.Command.Options)
        {
            if (parsed.GetResult(option) is { Implicit: false } given)
            {
                options[option.Name.TrimStart('-')] = option is Option<string> text ? parsed.GetValue(text) : null;
            }
        }

        return true;
    }
}
