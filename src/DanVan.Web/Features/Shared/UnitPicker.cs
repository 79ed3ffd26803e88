namespace DanVan.Features.Shared;

/// <summary>
/// A unit field: the form posts the current-map code (hidden), people type a name with or without tone marks, or a code,
/// in the visible box and pick from the list (both maps; an old unit stands for the one it became).
/// </summary>
/// <param name="Name">The posted field's name ("Grant.UnitCode", "unit").</param>
/// <param name="Id">The visible box's id: the page's label points at it.</param>
/// <param name="Code">The code already chosen, if any.</param>
/// <param name="Level">1 = provinces, 2 = communes (and old districts and communes); null = any.</param>
/// <param name="Operation">Only units where the person may do this (an Operation's name); null = any unit.</param>
public sealed record UnitPicker(string Name, string Id, string? Code, int? Level = null, string? Operation = null, string? Placeholder = null, bool Required = false);

/// <summary>A box to name a model by typing (see <see cref="DanVan.Features.Initiatives.ModelPick"/>).</summary>
public sealed record ModelPicker(string Name, string Id, string? Value, IReadOnlyList<DanVan.Features.Initiatives.ModelChoice> Choices);
