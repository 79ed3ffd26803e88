using DanVan.Features.Public;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Appraisals;
using DanVan.Features.Campaigns;
using DanVan.Features.Awards;
using DanVan.Features.Nominations;
using DanVan.Features.Inspections;
using DanVan.Features.Documents;
using DanVan.Features.Conferences;
using DanVan.Features.Imports;
using DanVan.Features.Indicators;
using DanVan.Features.Initiatives;
using DanVan.Features.Notifications;
using DanVan.Features.Recognition;
using DanVan.Features.Reports;
using DanVan.Features.Results;
using DanVan.Features.Me;
using DanVan.Features.Organizations;
using DanVan.Features.Units;
using DanVan.Infrastructure.Seeding;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>Composition of the web app: services, then the pipeline. Program.cs only calls these.</summary>
public static class AppSetup
{
    public const string PublicFormsPolicy = "public-forms";

    public const string ApiPolicy = "api";
    public const string MixedScheme = "cookie-or-token";

    private static readonly string[] AnonymousPages = ["/Error", "/Account/Login", "/Account/LoginWith2fa", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/Logout", "/Account/Denied",
        "/Public/Home", "/Public/Search", "/Public/Initiative", "/Public/Comment", "/Public/Survey", "/Public/Organization", "/Public/OpenData", "/Public/Documents"];

    /// <summary>The composition root: one extension per concern (each below), as the app and its tests start it.</summary>
    public static void AddDanVan(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
        }

        services.AddDanVanCore(config);
        services.AddDanVanMailAndJobs(config);
        services.AddDanVanAccounts();
        services.AddDanVanPages();
        services.AddDanVanApi();
        services.AddDanVanLimitsAndHealth(config);
    }

    /// <summary>The clock, the database, shared state across nodes, telemetry, the caller's scope, the file store.</summary>
    public static void AddDanVanCore(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<TimeProvider>(VietnamClock.Instance); // the movement's day is Vietnam's, whatever the server's zone
        services.AddHttpContextAccessor();
        services.AddDanVanDatabase(config);
        services.AddSharedState(config);
        services.AddTelemetry(config);
        services.AddScoped<ICurrentActor, HttpActor>();
        services.AddScoped<ScopeAccessor>();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<UnitSearch>();
        services.AddSingleton<Thumbnails>();
    }

    /// <summary>Mail (the outbox's sender, the site's address, reset requests off the request) and the import worker.</summary>
    public static void AddDanVanMailAndJobs(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<MailOptions>(config.GetSection("Mail"));
        services.AddSingleton<SiteAddress>();
        services.AddSingleton<Features.Account.PasswordResetRequests>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Account.PasswordResetRequests>());
        services.AddSingleton<Mailer>();
        services.AddHostedService(sp => sp.GetRequiredService<Mailer>());
        if (config.GetValue("Jobs:RunWorker", true))
        {
            services.AddHostedService<ImportWorker>();
        }

        // A backstop only: each job already ends its own failures; nothing a background service throws stops the site.
        services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
    }

    /// <summary>Accounts: identity and password rules, sessions in the database, the key ring, cookies and API tokens.</summary>
    public static void AddDanVanAccounts(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(PasswordRules.Apply)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddPasswordValidator<GuessablePasswordValidator>()
            .AddClaimsPrincipalFactory<AccountClaims>();
        // Sessions live in the database (DbTicketStore); changes made through the account manager (a new password,
        // two-step) are also noticed within a minute through the security stamp.
        services.AddSingleton<DbTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DbTicketStore>((o, store) => o.SessionStore = store);
        // A reset link in a mail works for two hours and once (using it changes the security stamp).
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // The key ring in the database (the same table as before), so every node reads the others' cookies and tokens.
        services.AddDataProtection().SetApplicationName("DanVan").PersistKeysToDbContext<AppDbContext>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "danvan.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenService.Scheme, null)
            .AddPolicyScheme(MixedScheme, MixedScheme, o => o.ForwardDefaultSelector = ctx =>
                ApiTokenService.TokenOf(ctx.Request) is not null
                    ? ApiTokenService.Scheme
                    : IdentityConstants.ApplicationScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(MixedScheme).RequireAuthenticatedUser());
    }

    /// <summary>The pages: Razor Pages under Features/, Vietnamese model binding and messages, localisation.</summary>
    public static void AddDanVanPages(this IServiceCollection services)
    {
        // Vietnamese letters go out as they are, not as &#x...; entities: half the page weight.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<IStringLocalizerFactory, TextLocalizerFactory>();
        services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Index");
                // Page by page: AllowAnonymous on a folder would override Authorize on its subfolders.
                foreach (var page in AnonymousPages)
                {
                    o.Conventions.AllowAnonymousToPage(page);
                }
            })
            .AddMvcOptions(o =>
            {
                o.ModelBinderProviders.Insert(0, new VietnameseDecimalBinderProvider());
                o.ModelBinderProviders.Insert(0, new CheckBoxBinderProvider());
                o.ModelBinderProviders.Insert(0, new CleanTextBinderProvider());
                o.ModelMetadataDetailsProviders.Add(new VietnameseValidationMetadataProvider());
                VietnameseValidation.Apply(o.ModelBindingMessageProvider);
                o.Filters.Add<RefusalPageFilter>();
                o.Filters.Add<EnglishErrorsFilter>();
            })
            .AddViewOptions(o => o.ClientModelValidatorProviders.Add(new VietnameseClientValidatorProvider()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(Text)));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures.Vietnamese);
            o.SupportedCultures = [Cultures.Vietnamese, Cultures.English];
            o.SupportedUICultures = [Cultures.Vietnamese, Cultures.English];
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
    }

    /// <summary>The API: problem details, JSON (enums as names, clean text), the OpenAPI document.</summary>
    public static void AddDanVanApi(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new CleanTextJsonConverter());
        });
        services.AddOpenApi("v1", ApiDocument.Configure);
    }

    /// <summary>Rate limits (tokens, sign-in, citizens' forms), forwarded headers and health checks.</summary>
    public static void AddDanVanLimitsAndHealth(this IServiceCollection services, IConfiguration config)
    {
        var signInPerMinute = config.GetValue("RateLimits:SignInPerMinute", 20);
        var publicFormsPerMinute = config.GetValue("RateLimits:PublicFormsPerMinute", 10);
        var apiTokenPerMinute = config.GetValue("RateLimits:ApiTokenPerMinute", 3000);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Said in words a citizen or an officer understands, with when to try again.
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    // Said here: the error page, run again for this token, would be refused too and answer nothing.
                    await TypedResults.Problem(Features.ErrorModel.Message(StatusCodes.Status429TooManyRequests), statusCode: StatusCodes.Status429TooManyRequests,
                        title: Features.ErrorModel.Title(StatusCodes.Status429TooManyRequests), type: ProblemTypes.ForStatus(StatusCodes.Status429TooManyRequests))
                        .ExecuteAsync(http);
                }

                // A page: the error page says it, in the site's style.
            };
            // API tokens: per token (its hash's first characters), so one runaway script slows only itself.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                ApiTokenService.TokenOf(ctx.Request) is { } token
                    ? SharedState.FixedWindow(ctx, "token", ApiTokenService.Hash(token)[..16],
                        apiTokenPerMinute, TimeSpan.FromMinutes(1))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            o.AddPolicy("sign-in", ctx => SharedState.FixedWindow(ctx, "sign-in", ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                signInPerMinute, TimeSpan.FromMinutes(1)));
            // Citizens' forms (surveys, comments): per address, generous for a queue at a one-stop desk sharing Wi-Fi.
            o.AddPolicy(PublicFormsPolicy, ctx => SharedState.FixedWindow(ctx, "public-forms", ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                publicFormsPerMinute, TimeSpan.FromMinutes(1)));
        });
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        // Liveness (/healthz/live) asks nothing of others; readiness (/healthz/ready) asks the database and Redis, so a
        // balancer stops sending requests to a node that cannot serve them without restarting it.
        services.AddSingleton<DatabaseReadiness>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<SharedState.RedisHealthCheck>("redis", tags: ["ready"]);
    }

    public static void AddDanVanDatabase(this IServiceCollection services, IConfiguration config)
    {
        var kind = DatabaseProvider.Kind(config);
        var cs = DatabaseProvider.ConnectionString(config, kind);
        services.AddOutputCache(PublicCache.AddPolicy);
        services.AddScoped<PublicCache>();
        services.AddSingleton<PublicCache.Evictions>();
        services.Configure<PublicCache.Options>(o => o.Staleness = TimeSpan.FromSeconds(config.GetValue("PublicCache:StalenessSeconds", 30.0)));
        services.AddDbContext<AppDbContext>((sp, o) =>
        {
            DatabaseProvider.Configure(o, kind, cs);
            o.AddInterceptors(sp.GetRequiredService<PublicCache>());
        });

        // Lag-tolerant reads: [FromKeyedServices(ReadReplica.Key)] AppDbContext (see ReadReplica).
        var read = config.GetConnectionString("DanVanRead");
        if (kind == DatabaseKind.Postgres && !string.IsNullOrWhiteSpace(read))
        {
            var builder = new DbContextOptionsBuilder<AppDbContext>();
            DatabaseProvider.Configure(builder, kind, ReadReplica.Compose(cs, read));
            builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
            var readOptions = builder.Options;
            services.AddKeyedScoped<AppDbContext>(ReadReplica.Key, (sp, _) => new AppDbContext(readOptions, sp.GetService<ICurrentActor>(), sp.GetService<TimeProvider>()));
            services.Configure<PublicCache.Options>(o => o.ReplicaLag = TimeSpan.FromSeconds(config.GetValue("Database:ReplicaLagSeconds", 2.0)));
        }
        else
        {
            services.AddKeyedScoped<AppDbContext>(ReadReplica.Key, (sp, _) => sp.GetRequiredService<AppDbContext>());
        }
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized)
            {
                ctx.Response.Headers.WWWAuthenticate = "Bearer";
            }

            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static void UseDanVan(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // People get a page in the site's style for every error, in every environment (so never the developer's
        // exception page); the API keeps its problem documents (ProblemExceptionHandler, then the error page's JSON).
        app.UseExceptionHandler("/Error/500");
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CookieApiForgery>();
        app.UseMiddleware<TwoFactorRequirement>();
        app.UseMiddleware<Idempotency>();
        app.UseOutputCache();

        app.MapHealthChecks("/healthz", new() { Predicate = c => c.Name == "database" }).AllowAnonymous();
        app.MapHealthChecks("/healthz/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = SharedState.WriteReadinessAsync }).AllowAnonymous();
        app.MapGet("/favicon.ico", (IWebHostEnvironment env) => Microsoft.AspNetCore.Http.Results.File(env.WebRootFileProvider.GetFileInfo("favicon.svg").CreateReadStream(), "image/svg+xml"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // The reference a province's IT reads is drawn from the same document the suites check, so the two cannot drift.
        Scalar.AspNetCore.ScalarEndpointRouteBuilderExtensions.MapScalarApiReference(app, SecurityHeaders.ApiReference, o =>
        {
            o.Title = "DanVan API";
            o.OpenApiRoutePattern = "/openapi/{documentName}.json";
        }).AllowAnonymous();
        // The language buttons post a form; a script may send the same as a query string.
        app.MapPost("/culture", async (HttpContext ctx) =>
        {
            var form = ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync() : null;
            string? Value(string key) => form?[key].FirstOrDefault() ?? ctx.Request.Query[key].FirstOrDefault();
            var c = Value("culture") == "en" ? "en-US" : "vi-VN";
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Microsoft.AspNetCore.Http.Results.LocalRedirect(LocalUrls.Safe(Value("returnUrl")));
        }).AllowAnonymous();

        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiPolicy).WithTags("v1").AddEndpointFilter(ApiQuery.UnreadableAsync).AddEndpointFilter(ApiQuery.StrictDatesAsync);
        api.MapUnitsApi();
        api.MapIndicatorsApi();
        api.MapOrganizationsApi();
        api.MapInitiativesApi();
        api.MapMeApi();
        api.MapCampaignsApi();
        api.MapResultsApi();
        api.MapAppraisalsApi();
        api.MapRecognitionApi();
        api.MapAwardsApi();
        api.MapNominationsApi();
        api.MapDocumentsApi();
        api.MapInspectionsApi();
        api.MapConferencesApi();
        api.MapNotificationsApi();
        api.MapReportsApi();
        api.MapImportsApi();
        DanVan.Features.PersonalData.PersonalDataApi.MapPersonalDataApi(api);

        app.MapPublicFiles();
        app.MapRazorPages();
        app.MapStaticAssetsFallback();
    }

    private static void MapStaticAssetsFallback(this WebApplication app)
    {
        // Unknown /api paths answer a problem, not an HTML page.
        var routes = new CompositeEndpointDataSource(((IEndpointRouteBuilder)app).DataSources);
        app.MapFallback("/api/{**rest}", new ApiFallback(routes).Answer).AllowAnonymous();
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            return;
        }

        using var scope = app.Services.CreateScope();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("DanVan.Startup");
        var result = await DatabaseSetup.MigrateAndSeedAsync(scope.ServiceProvider, app.Configuration, log);
        if (result.DemoAccounts is { Count: > 0 } accounts)
        {
            // Printed once, at the first start, so the person who ran the app can sign in.
            Console.WriteLine("DanVan: tài khoản thử nghiệm / demo accounts:");
            foreach (var (email, role, password) in accounts)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {role,-12} {email,-32} {password}"));
            }
        }
    }
}
