using System.Threading.Channels;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Admin.Users;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace DanVan.Features.Account;

/// <summary>
/// "Quên mật khẩu?" does its work off the request: the page only queues the address and answers the same at once for
/// any address, so its timing tells nobody whether an account exists. Looking the account up, making the link and
/// mailing it happen here, one request at a time.
/// </summary>
public sealed class PasswordResetRequests(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PasswordResetRequests> log) : BackgroundService
{
    private readonly Channel<string> _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Queue(string email) => _queue.Writer.TryWrite(email.Trim());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                await AccountRecovery.RequestResetByMailAsync(sp.GetRequiredService<UserManager<AppUser>>(), sp.GetRequiredService<AppDbContext>(),
                    sp.GetRequiredService<Mailer>(), email, clock, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "A password reset request could not be handled");
            }
        }
    }
}
