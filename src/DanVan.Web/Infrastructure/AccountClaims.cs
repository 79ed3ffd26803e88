using System.Security.Claims;
using DanVan.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DanVan.Infrastructure;

/// <summary>
/// Puts "this password is temporary" into the sign-in itself, so the check on every request reads a claim, not the
/// database. The claim is written when she signs in (an administrator's reset ends her sessions) and dropped when she
/// changes the password (the page refreshes the sign-in).
/// </summary>
public sealed class AccountClaims(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePassword = "danvan:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "1"));
        }

        return identity;
    }
}
