using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>
/// Mail goes through an outbox in the database: written with the change that sends it, sent by any node. A node that
/// answered and then died held no mail of its own, so none is lost.
/// </summary>
public class OutboxTests
{
    [Fact]
    public async Task AMailWrittenByOneNode_IsSentByAnother_AndOnlyOnce()
    {
        // Node A writes mail but does not send it (as if it were killed right after its answer); node B sends.
        await using var a = DanVanFactory.WithSettings(new Dictionary<string, string?> { ["Mail:Send"] = "false" });
        var user = await a.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.ThaiHoa));
        var visitor = HtmlClient.Anonymous(a);
        await visitor.PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = user.Email! });

        long id = 0;
        for (var k = 0; k < 100 && id == 0; k++)
        {
            await using var scope = a.Scope();
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMails.Where(m => m.To == user.Email).Select(m => m.Id).FirstOrDefaultAsync();
            await Task.Delay(100);
        }

        Assert.NotEqual(0, id);
        Assert.Empty(await a.MailsToAsync(user.Email!, atLeast: 0));

        await using var b = DanVanFactory.SecondNode(a, new Dictionary<string, string?>());
        _ = b.Services; // node B starts, and its sender with it
        var mail = Assert.Single(await b.MailsToAsync(user.Email!));
        Assert.Contains("/Account/ResetPassword?", mail.TextBody, StringComparison.Ordinal);
        await using (var scope = b.Scope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id);
            Assert.NotNull(row.SentAtMs);
            Assert.Equal(string.Empty, row.Body); // the reset link is not kept once sent
            Assert.Equal(1, row.Attempts);
        }

        // Sending again finds nothing due: one mail, once.
        Assert.Equal(0, await b.Services.GetRequiredService<Mailer>().SendDueAsync(CancellationToken.None));
        Assert.Single(await b.MailsToAsync(user.Email!, atLeast: 2));
    }

    [Fact]
    public async Task ARefusedChange_SendsNoMail()
    {
        await using var app = DanVanFactory.WithSettings(new Dictionary<string, string?> { ["Mail:Send"] = "false" });
        _ = app.Services;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mailer = scope.ServiceProvider.GetRequiredService<Mailer>();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            mailer.Queue(db, "nguoi.nhan@test.danvan.vn", "Người nhận", "Thử", "Nội dung");
            await db.SaveChangesAsync();
            await tx.RollbackAsync(); // the change it told of was refused
        }

        db.ChangeTracker.Clear();
        Assert.False(await db.OutboxMails.AnyAsync(m => m.To == "nguoi.nhan@test.danvan.vn"));
    }
}
