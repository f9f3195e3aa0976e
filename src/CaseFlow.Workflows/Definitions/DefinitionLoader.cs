using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFlow.Workflows.Definitions;

/// <summary>Reads <c>workflows/*.json</c> (not <c>*.schema.json</c>), checks every file with
/// <see cref="DefinitionValidator"/> and returns the catalog; any problem stops with one
/// <see cref="WorkflowDefinitionException"/> listing all problems of all files.</summary>
public static class DefinitionLoader
{
    public const string SchemaSuffix = ".schema.json";

    /// <summary>The serializer options of definition files: camelCase names, enums as camelCase
    /// strings, unknown properties rejected, nullability respected.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions(JsonUnmappedMemberHandling.Disallow);

    // Used only after the structural check has already reported unknown properties, so the semantic
    // checks can still run and report everything in one go.
    private static readonly JsonSerializerOptions LenientOptions = CreateOptions(JsonUnmappedMemberHandling.Skip);

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Loads every definition file directly inside <paramref name="folder"/>.</summary>
    /// <exception cref="WorkflowDefinitionException">The folder is missing, holds no definitions, or any file is invalid.</exception>
    public static DefinitionCatalog LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new WorkflowDefinitionException(folder, [$"{folder}: the workflow definition folder does not exist"]);
        var files = DefinitionFiles(folder);
        if (files.Count == 0)
            throw new WorkflowDefinitionException(folder, [$"{folder}: no workflow definition files (*.json) found"]);
        return LoadFiles(files, folder);
    }

    /// <summary>The definition files in a folder, in ordinal order (schema files excluded).</summary>
    public static IReadOnlyList<string> DefinitionFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly)
            .Where(f => !Path.GetFileName(f).EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Loads the given definition files (e.g. from several folders) into one catalog.</summary>
    /// <exception cref="WorkflowDefinitionException">Any file is invalid, or two files define the same (definitionId, version).</exception>
    public static DefinitionCatalog LoadFiles(IEnumerable<string> paths, string? source = null)
    {
        var problems = new List<string>();
        var loaded = new List<WorkflowDefinition>();
        var seen = new Dictionary<(string, int), string>();
        var list = paths.ToList();
        foreach (var path in list)
        {
            var name = Path.GetFileName(path);
            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (IOException ex)
            {
                problems.Add($"{name}: cannot be read: {ex.Message}");
                continue;
            }
            var (definition, fileProblems) = Parse(json, path);
            problems.AddRange(fileProblems.Select(p => $"{name}: {p}"));
            if (definition is null) continue;

            if (seen.TryGetValue((definition.DefinitionId, definition.Version), out var other))
            {
                problems.Add($"{name}: definition '{definition.DefinitionId}' version {definition.Version} is already defined in {Path.GetFileName(other)}");
                continue;
            }
            seen[(definition.DefinitionId, definition.Version)] = path;
            if (fileProblems.Count == 0) loaded.Add(definition);
        }

        if (problems.Count > 0)
            throw new WorkflowDefinitionException(source ?? string.Join(", ", list.Select(Path.GetFileName)), problems);
        return new DefinitionCatalog(loaded);
    }

    /// <summary>Parses and validates one definition file's text. Returns the definition (null when the
    /// text could not be read into the model) and every problem found, without the file name prefix.</summary>
    public static (WorkflowDefinition? Definition, IReadOnlyList<string> Problems) Parse(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return (null, [$"malformed JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {StripPosition(ex.Message)}"]);
        }

        using (document)
        {
            var (problems, canDeserialize) = DefinitionValidator.CheckStructure(document.RootElement);
            var all = new List<string>(problems);
            if (!canDeserialize) return (null, all);

            WorkflowDefinition? definition;
            try
            {
                definition = document.RootElement.Deserialize<WorkflowDefinition>(all.Count == 0 ? JsonOptions : LenientOptions);
            }
            catch (JsonException ex)
            {
                // The structural check should have caught it; keep the serializer's words as a fallback.
                all.Add($"cannot be read as a workflow definition at {ex.Path}: {StripPosition(ex.Message)}");
                return (null, all);
            }
            if (definition is null) return (null, [.. all, "the file holds null instead of a definition"]);

            definition = definition with { SourceFile = Path.GetFullPath(path) };
            all.AddRange(DefinitionValidator.ValidateFileName(path, definition));
            all.AddRange(DefinitionValidator.Validate(definition));
            return (definition, all);
        }
    }

    private static JsonSerializerOptions CreateOptions(JsonUnmappedMemberHandling unmapped)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = unmapped,
            RespectNullableAnnotations = true,
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static string StripPosition(string message)
    {
        var i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (i < 0) i = message.IndexOf(" Path:", StringComparison.Ordinal);
        return i < 0 ? message : message[..i].TrimEnd();
    }
}
