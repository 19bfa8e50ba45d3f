// cartera-cli: the portfolio from the command line. Conventions every command follows:
//   cartera-cli COMMAND --db FILE [options]; reports take --format table|csv|json and --out FILE;
//   errors print one line on standard error; exit 1 for bad input, 2 for a wrong command line.

#include "cli/cli_support.h"

#include <iostream>

int main(int argc, char** argv)
{
    using namespace cartera::cli;

    CLI::App app{"Cartera customer portfolio manager, command line", "cartera-cli"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "cartera-cli 0.1.0");
    addDemoCommand(app);
    addDatabaseCommands(app);
    addCustomerCommands(app);
    addAbcCommand(app);
    addAbcSnapshotCommands(app);
    addTiersCommand(app);
    addPortfolioCommand(app);
    addTerritoryCommands(app);
    addCoverageCommand(app);
    addSegmentCommands(app);
    addPipelineCommands(app);
    addRetentionCommands(app);

    // CLI11 reports an unknown first word as "A subcommand is required"; name it instead.
    if (argc > 1 && argv[1][0] != '-' &&
        app.get_subcommands([&](const CLI::App* command) { return command->check_name(argv[1]); }).empty()) {
        std::cerr << "cartera-cli: '" << argv[1] << "' is not a command (see cartera-cli --help)\n";
        return kExitUsage;
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "cartera-cli: " << e.what() << " (see cartera-cli --help)\n";
        return kExitUsage;
    } catch (const CommandError& e) {
        std::cerr << "cartera-cli: " << e.what() << "\n";
        return e.exitCode();
    } catch (const std::exception& e) {
        std::cerr << "cartera-cli: " << e.what() << "\n";
        return kExitBadInput;
    }
    return kExitOk;
}
