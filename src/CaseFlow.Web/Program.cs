using CaseFlow.Web.Hosting;

var verb = CommandLine.Find(args);
// The pages' files travel beside the binaries, so the built product serves them whatever its working directory
// (the content root) is; under dotnet run the same files come from the project.
var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = verb is null ? args : [],
    WebRootPath = Directory.Exists(webRoot) ? webRoot : null,
});
builder.AddCaseFlow();
var app = builder.Build();
app.UseCaseFlow();

if (verb is { Name: "migrate" })
    return await verb.RunAsync(app.Services, args[1..]);

await app.PrepareDatabaseAsync();
if (verb is not null)
    return await verb.RunAsync(app.Services, args[1..]);

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
