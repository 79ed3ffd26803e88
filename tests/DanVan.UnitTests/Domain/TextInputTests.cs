using System.Text;
using DanVan.Domain;

namespace DanVan.UnitTests.Domain;

public class TextInputTests
{
    [Theory]
    [InlineData("Nguy\u00ADễn Văn A")] // soft hyphen
    [InlineData("Nguy\u200Bễn Văn A")] // zero-width space
    [InlineData("Nguy\u2060ễn Văn A")] // word joiner
    [InlineData("\uFEFFNguyễn Văn A")] // byte-order mark
    public void InvisibleCharacters_AreTakenOut(string typed) => Assert.Equal("Nguyễn Văn A", TextInput.Clean(typed));

    [Fact]
    public void DecomposedText_IsComposed() =>
        Assert.Equal("Nguyễn Văn Đức", TextInput.Clean("Nguyễn Văn Đức".Normalize(NormalizationForm.FormD)));

    [Fact]
    public void PlainText_IsLeftAsItIs_AndALoneSurrogateIsLeftForValidation()
    {
        Assert.Same("abc", TextInput.Clean("abc"));
        Assert.Equal("a\uD800b", TextInput.Clean("a\uD800b"));
    }

    [Theory]
    [InlineData("101-QĐ/TU", "101-Q\u00D0/TU")]
    [InlineData("101-QĐ/TU", "101 - qđ/tu")]
    public void DocumentNumbers_ThatLookAlike_AreOne(string a, string b) => Assert.Equal(DocumentNumber.Key(a), DocumentNumber.Key(b));
}
