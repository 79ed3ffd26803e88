using DanVan.Infrastructure;

if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddDanVan();
var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseDanVan();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
