using CaseFlow.Web.Hosting;

var verb = CommandLine.Find(args);
var builder = WebApplication.CreateBuilder(verb is null ? args : []);
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
