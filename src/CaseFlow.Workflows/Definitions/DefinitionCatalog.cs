namespace CaseFlow.Workflows.Definitions;

/// <summary>The published workflow definitions, by (definitionId, version). Built by
/// <see cref="DefinitionLoader"/>; immutable.</summary>
public sealed class DefinitionCatalog
{
    private readonly Dictionary<string, List<WorkflowDefinition>> _byId = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">Two definitions share a (definitionId, version).</exception>
    public DefinitionCatalog(IEnumerable<WorkflowDefinition> definitions)
    {
        foreach (var d in definitions)
        {
            if (!_byId.TryGetValue(d.DefinitionId, out var versions)) _byId[d.DefinitionId] = versions = [];
            if (versions.Any(v => v.Version == d.Version))
                throw new ArgumentException($"{d} is in the catalog twice.", nameof(definitions));
            versions.Add(d);
        }
        foreach (var versions in _byId.Values) versions.Sort((a, b) => a.Version.CompareTo(b.Version));
        All = _byId.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value).ToList();
        DefinitionIds = _byId.Keys.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every definition, ordered by definitionId, then version.</summary>
    public IReadOnlyList<WorkflowDefinition> All { get; }

    public IReadOnlyList<string> DefinitionIds { get; }

    /// <exception cref="KeyNotFoundException">No such definition or version.</exception>
    public WorkflowDefinition Get(string definitionId, int version) =>
        TryGet(definitionId, version, out var d)
            ? d
            : throw new KeyNotFoundException($"Workflow definition '{definitionId}' version {version} is not loaded"
                + (_byId.ContainsKey(definitionId) ? $" (versions: {string.Join(", ", Versions(definitionId).Select(v => v.Version))})." : "."));

    public bool TryGet(string definitionId, int version, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WorkflowDefinition? definition)
    {
        definition = _byId.TryGetValue(definitionId, out var versions) ? versions.FirstOrDefault(v => v.Version == version) : null;
        return definition is not null;
    }

    /// <summary>The highest version: the one new cases start on.</summary>
    /// <exception cref="KeyNotFoundException">No definition has this id.</exception>
    public WorkflowDefinition Latest(string definitionId) =>
        _byId.TryGetValue(definitionId, out var versions)
            ? versions[^1]
            : throw new KeyNotFoundException($"Workflow definition '{definitionId}' is not loaded.");

    /// <summary>Every version of a definition, oldest first; empty if the id is unknown.</summary>
    public IReadOnlyList<WorkflowDefinition> Versions(string definitionId) =>
        _byId.TryGetValue(definitionId, out var versions) ? versions.AsReadOnly() : [];
}
