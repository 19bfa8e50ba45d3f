#include "exchange/atomic_file.h"
#include "exchange/csv_writer.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

using namespace cartera::exchange;
using cartera::testing::readFile;
using cartera::testing::TempDir;
using cartera::testing::writeFile;

namespace {

std::size_t filesIn(const std::filesystem::path& folder)
{
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) {
        ++count;
    }
    return count;
}

std::optional<std::filesystem::path> partialFileIn(const std::filesystem::path& folder)
{
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".partial") {
            return entry.path();
        }
    }
    return std::nullopt;
}

} // namespace

TEST(AtomicFile, commitReplacesThePreviousFileAndLeavesNothingElse)
{
    TempDir dir;
    const auto path = dir.file("list.csv");
    writeFile(path, "old");
    auto file = AtomicFile::create(path);
    ASSERT_TRUE(file.ok()) << file.error().describe();
    file.value()->write("new ");
    EXPECT_EQ(readFile(path), "old");  // nothing shows under the name before commit
    file.value()->write("content");
    ASSERT_TRUE(file.value()->commit().ok());
    EXPECT_EQ(readFile(path), "new content");
    EXPECT_EQ(filesIn(dir.path()), 1u);
}

TEST(AtomicFile, droppedWithoutCommitLeavesThePreviousFileAndNoTemporary)
{
    TempDir dir;
    const auto path = dir.file("list.csv");
    writeFile(path, "old");
    {
        auto file = AtomicFile::create(path);
        ASSERT_TRUE(file.ok());
        file.value()->write("half a fi");
        EXPECT_TRUE(std::filesystem::exists(file.value()->temporaryPath()));
    }
    EXPECT_EQ(readFile(path), "old");
    EXPECT_EQ(filesIn(dir.path()), 1u);
}

TEST(AtomicFile, aMissingFolderOrAFolderAsTargetIsAClearError)
{
    TempDir dir;
    const auto missing = AtomicFile::create(dir.file("no-such-folder") / "list.csv");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().message, "could not write " + (dir.file("no-such-folder") / "list.csv").string() +
                                           ": the folder does not exist");
    const auto folder = AtomicFile::create(dir.path());
    ASSERT_FALSE(folder.ok());
    EXPECT_NE(folder.error().message.find("it is a folder"), std::string::npos) << folder.error().message;
}

TEST(AtomicFile, aReadOnlyFolderIsAClearError)
{
    if (::geteuid() == 0) {
        GTEST_SKIP() << "root writes into read-only folders";
    }
    TempDir dir;
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    const auto file = AtomicFile::create(dir.file("list.csv"));
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all);
    ASSERT_FALSE(file.ok());
    EXPECT_NE(file.error().message.find("not writable"), std::string::npos) << file.error().message;
}

TEST(AtomicFile, aProcessKilledWhileWritingALargeExportLeavesTheOldFileIntact)
{
    TempDir dir;
    const auto path = dir.file("customers.csv");
    const std::string old = "code,name\r\nC1,The previous export\r\n";
    writeFile(path, old);

    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // The child exports rows for ever, as a huge export would; it is killed midway.
        auto file = AtomicFile::create(path);
        if (!file.ok()) {
            ::_exit(3);
        }
        CsvWriter csv([&](std::string_view bytes) { file.value()->write(bytes); },
                      csvProfile(CsvProfileId::ExcelSemicolon));
        csv.writeHeader({"code", "name", "revenue"});
        for (std::int64_t i = 0;; ++i) {
            csv.text("C" + std::to_string(i));
            csv.text("Société \"Müller\"; =cmd");
            csv.money(i * 137, 2);
            csv.endRow();
        }
    }
    // Wait until the child has written a good part of its file, then kill it without warning.
    std::optional<std::filesystem::path> partial;
    for (int i = 0; i < 2000; ++i) {
        partial = partialFileIn(dir.path());
        std::error_code error;
        if (partial && std::filesystem::file_size(*partial, error) > 4'000'000) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child ended by itself: " << status;
    ASSERT_TRUE(partial) << "the child never started writing";

    EXPECT_EQ(readFile(path), old);
    // What a kill leaves: a hidden temporary file beside it, never a half file under the name.
    EXPECT_EQ(partial->filename().string().front(), '.');

    // The next export replaces the file normally.
    auto next = AtomicFile::create(path);
    ASSERT_TRUE(next.ok());
    next.value()->write("fresh");
    ASSERT_TRUE(next.value()->commit().ok());
    EXPECT_EQ(readFile(path), "fresh");
}
