using System.Text.Encodings.Web;
using System.Text.Json;

namespace CaseFlow.Web.Hosting;

/// <summary>The JSON CaseFlow writes itself (stored calendar versions, table 二, locked figures, report files) and
/// answers with: camelCase, Chinese written as is rather than escaped.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
