using DanVan.Features.Initiatives;

namespace DanVan.UnitTests.Features;

public class ModelPickTests
{
    [Theory]
    [InlineData("Đèn đường nông thôn — Xã Lương Bằng (#451)", 451)]
    [InlineData("Đèn đường (2025) — Xã Lương Bằng (#12)", 12)]
    [InlineData("451", 451)]
    [InlineData("#451", 451)]
    [InlineData("  # 7 ", 7)]
    public void ANumberIsReadFromTheLabelOrAlone(string typed, int expected) => Assert.Equal(expected, ModelPick.NumberIn(typed));

    [Theory]
    [InlineData("Đèn đường (2025)")]
    [InlineData("Mô hình (3)")]
    [InlineData("Đường hoa 2025")]
    [InlineData("Dân vận khéo")]
    public void AName_EvenWithANumberInParentheses_IsNoNumber(string typed) => Assert.Null(ModelPick.NumberIn(typed));
}
