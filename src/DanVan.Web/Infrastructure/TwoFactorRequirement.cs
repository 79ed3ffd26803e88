using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>
/// With Security:RequireTwoFactorForAdmins on, an administrator or secretariat member signed in on the web without
/// two-step verification reaches only their account pages until they turn it on (API tokens are made from those pages,
/// so none can be made without it either).
/// </summary>
public sealed class TwoFactorRequirement(RequestDelegate next, IConfiguration configuration)
{
    public const string SettingKey = "Security:RequireTwoFactorForAdmins";
    public const string SetupPage = "/Account/Manage/TwoFactor";

    private readonly bool required = configuration.GetValue<bool>(SettingKey);

    public async Task InvokeAsync(HttpContext context, ScopeAccessor scopes, AppDbContext db)
    {
        if (required && context.User.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme
            && !context.Request.Path.StartsWithSegments("/Account") && !context.Request.Path.StartsWithSegments("/cong-khai"))
        {
            var scope = await scopes.GetAsync(context.RequestAborted);
            if ((scope.IsAdmin || scope.Grants.Any(g => g.Role == Role.Secretariat))
                && !await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(context.RequestAborted))
            {
                context.Response.Redirect(SetupPage + "?required=1");
                return;
            }
        }

        await next(context);
    }
}
