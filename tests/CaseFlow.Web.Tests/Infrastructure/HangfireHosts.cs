namespace CaseFlow.Web.Tests.Infrastructure;

/// <summary>Test classes whose hosts run Hangfire (<c>Jobs:Enabled</c> true). Hangfire keeps some state per process
/// (its log provider follows the host configured last), so these classes run alone, one after another, and a test
/// with two such hosts stops the one started first first.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireHosts
{
    public const string Name = "Hangfire hosts";
}
