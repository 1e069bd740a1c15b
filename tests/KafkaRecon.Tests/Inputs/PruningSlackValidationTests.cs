using KafkaRecon.Entities;

namespace KafkaRecon.Tests.Inputs;

public sealed class PruningSlackValidationTests
{
    [Fact]
    public void A_pruning_slack_that_is_not_a_duration_is_refused_naming_the_field()
    {
        var spec = new KafkaReconciliationSpec
        {
            Manifests = new ManifestsSpec { ImportLocation = "/i", ExportLocation = "/e", PruningSlack = "soon" },
            Output = new OutputSpec { Location = "/o" },
        };

        var errors = KafkaRecon.Entities.Validation.SpecValidator.Validate(spec);

        Assert.Contains(errors, e => e.Field == "spec.manifests.pruningSlack");
    }
}
