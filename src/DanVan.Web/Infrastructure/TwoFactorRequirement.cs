using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>
/// With Security:RequireTwoFactorForAdmins on, an administrator or secretariat member without two-step verification
/// reaches only the pages that sign in, out and turn it on: not the token page (a token would outlive the rule), and
/// no API route with a token made before the rule was switched on (403 with the reason).
/// </summary>
public sealed class TwoFactorRequirement(RequestDelegate next, IConfiguration configuration)
{
    public const string SettingKey = "Security:RequireTwoFactorForAdmins";
    public const string SetupPage = "/Account/Manage/TwoFactor";

    /// <summary>What such a person may still open.</summary>
    private static readonly string[] Open =
        [SetupPage, "/Account/Login", "/Account/LoginWith2fa", "/Account/Logout", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/Denied", "/cong-khai"];

    private readonly bool required = configuration.GetValue<bool>(SettingKey);

    public const string PasswordPage = "/Account/Manage";

    public async Task InvokeAsync(HttpContext context, ScopeAccessor scopes, AppDbContext db)
    {
        // A temporary password (set by an administrator) opens only the page that changes it.
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: var cookie } && cookie == IdentityConstants.ApplicationScheme
            && !context.Request.Path.StartsWithSegments(PasswordPage, StringComparison.OrdinalIgnoreCase)
            && !Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && !context.Request.Path.StartsWithSegments("/culture", StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/Error", StringComparison.OrdinalIgnoreCase))
        {
            if (context.User.HasClaim(AccountClaims.MustChangePassword, "1"))
            {
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cần đổi mật khẩu",
                        detail: "Tài khoản đang dùng mật khẩu tạm thời; hãy đặt mật khẩu mới tại trang Tài khoản của tôi.").ExecuteAsync(context);
                    return;
                }

                context.Response.Redirect(PasswordPage + "?mustChange=1");
                return;
            }
        }

        if (required && context.User.Identity is { IsAuthenticated: true, AuthenticationType: var type }
            && (type == IdentityConstants.ApplicationScheme || type == ApiTokenService.Scheme)
            && !Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            var scope = await scopes.GetAsync(context.RequestAborted);
            if (scope.Grants.Any(g => Permissions.MustUseTwoFactor(g.Role))
                && !await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(context.RequestAborted))
            {
                if (type == ApiTokenService.Scheme)
                {
                    await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cần xác thực hai bước",
                        detail: "Tài khoản quản trị phải bật xác thực hai bước trước khi dùng mã truy cập API.").ExecuteAsync(context);
                    return;
                }

                context.Response.Redirect(SetupPage + "?required=1");
                return;
            }
        }

        await next(context);
    }
}
