using DanVan.Domain;
using DanVan.Infrastructure;

namespace DanVan.UnitTests.Infrastructure;

public class ParsingTests
{
    [Theory]
    [InlineData("culture_society", true, Field.CultureSociety)]
    [InlineData("CultureSociety", true, Field.CultureSociety)]
    [InlineData("ECONOMY", true, Field.Economy)]
    [InlineData("1", false, default(Field))]
    [InlineData("-1", false, default(Field))]
    [InlineData("sports", false, default(Field))]
    [InlineData("", false, default(Field))]
    public void EnumKeys_AcceptNamesNotNumbers(string value, bool ok, Field expected)
    {
        Assert.Equal(ok, EnumKeys.TryParse<Field>(value, out var f));
        Assert.Equal(expected, f);
    }

    [Fact]
    public void EnumKeys_Key_IsSnakeCase() => Assert.Equal("defense_security", EnumKeys.Key(Field.DefenseSecurity));

    [Fact]
    public void Cli_ParsesOptionsAndFlags()
    {
        Assert.True(Cli.TryParse(["seed", "--demo"], out var o, out _));
        Assert.True(o.ContainsKey("demo"));
        Assert.Null(o["demo"]);
        Assert.True(Cli.TryParse(["create-token", "--email", "a@b.vn", "--name", "kịch bản"], out o, out _));
        Assert.Equal("a@b.vn", o["email"]);
        Assert.Equal("kịch bản", o["name"]);
        Assert.False(o.ContainsKey("days"));
        Assert.True(Cli.TryParse(["import", "results", "--file", "f.csv", "--dry-run"], out o, out _));
        Assert.Equal("f.csv", o["file"]);
        Assert.True(o.ContainsKey("dry-run"));
    }

    [Theory]
    [InlineData("stray")]
    [InlineData("-x")]
    [InlineData("--demo2")]
    public void Cli_RefusesStrayWords(string arg) => Assert.False(Cli.TryParse(["seed", arg], out _, out _));

    [Fact]
    public void Cli_RefusesRepeatedOptions_OptionsOfAnotherCommand_AndMissingValues()
    {
        Assert.False(Cli.TryParse(["reset-2fa", "--email", "a", "--email", "b"], out _, out _));
        Assert.False(Cli.TryParse(["reset-2fa", "--demo"], out _, out _));
        Assert.False(Cli.TryParse(["backup", "--file"], out _, out _));
        Assert.False(Cli.TryParse(["import", "people", "--file", "f.csv"], out _, out _));
        Assert.False(Cli.TryParse(["seed", "@options.rsp"], out _, out _));
    }

    [Theory]
    [InlineData(new[] { "migrate" }, true)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, false)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--help" }, true)]
    public void Cli_IsCommand_OnlyForAFirstWord(string[] args, bool expected) => Assert.Equal(expected, Cli.IsCommand(args));

    [Fact]
    public async Task Cli_UnknownCommand_ExitsWithTwoAndSaysWhy()
    {
        var err = new StringWriter();
        Assert.Equal(2, await Cli.RunAsync(["frobnicate"], new StringWriter(), err));
        Assert.Contains("frobnicate", err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_UnknownOption_ExitsWithTwo()
    {
        var err = new StringWriter();
        Assert.Equal(2, await Cli.RunAsync(["create-admin", "--mail", "x"], new StringWriter(), err));
        Assert.Contains("--mail", err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_Help_ListsEveryCommand()
    {
        var output = new StringWriter();
        Assert.Equal(0, await Cli.RunAsync(["help"], output, new StringWriter()));
        foreach (var c in new[] { "migrate", "seed", "create-admin", "create-token" })
        {
            Assert.Contains(c, output.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Text_IsClean_RejectsControlCharacters()
    {
        Assert.True(Validation.IsCleanText("Dòng 1\nDòng 2\tcột"));
        Assert.False(Validation.IsCleanText("a\u0000b"));
        Assert.False(Validation.IsCleanText("a\u001bb"));
    }
}
