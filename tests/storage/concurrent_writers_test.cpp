// Two programs writing to one portfolio at once (the app and cartera-cli, say): while the other
// holds the write lock for less than the busy timeout, a writer waits instead of failing with
// "database is locked", and no write is lost. Readers are never blocked (write-ahead log).
#include "storage/customer_repository.h"
#include "storage/database.h"
#include "storage/storage_error.h"
#include "support/sample_records.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::sampleCustomer;
using cartera::testing::TempDir;

namespace {

constexpr int kTransactionsPerWriter = 150;

/// A writer process: kTransactionsPerWriter transactions of two customers each, holding the lock
/// for about a millisecond every time. Exits 0 when every one committed, 1 at the first error.
[[noreturn]] void writeCustomers(const std::filesystem::path& path, const std::string& prefix)
{
    try {
        const Database db = Database::open(path, OpenMode::ReadWrite);
        CustomerRepository customers(db);
        for (int n = 0; n < kTransactionsPerWriter; ++n) {
            WriteTransaction transaction(db);
            Customer first = sampleCustomer(prefix + std::to_string(n) + "-a");
            customers.insert(first);
            ::usleep(1000);  // the lock is held while the other writer wants it
            Customer second = sampleCustomer(prefix + std::to_string(n) + "-b");
            customers.insert(second);
            transaction.commit();
        }
        ::_exit(0);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "writer %s: %s\n", prefix.c_str(), e.what());
        ::_exit(1);
    }
}

/// A reader process: counts the customers over and over while the writers work. Exits 0 when no
/// read failed and the counts never went down.
[[noreturn]] void readWhileWriting(const std::filesystem::path& path)
{
    try {
        const Database db = Database::open(path, OpenMode::ReadOnly);
        std::int64_t last = 0;
        for (int i = 0; i < 400; ++i) {
            auto count = db.prepare("SELECT count(*) FROM customer");
            count.step();
            if (count.int64(0) < last) {
                ::_exit(2);
            }
            last = count.int64(0);
            ::usleep(500);
        }
        ::_exit(0);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "reader: %s\n", e.what());
        ::_exit(1);
    }
}

int exitCodeOf(pid_t child)
{
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

} // namespace

TEST(ConcurrentWriters, twoProcessesWritingAtOnceBothSucceedAndLoseNothing)
{
    TempDir dir;
    const auto path = dir.file("shared.cartera");
    { const Database db = Database::open(path, OpenMode::CreateOrUpgrade); }  // closed before forking

    std::vector<pid_t> children;
    for (const char* prefix : {"APP-", "CLI-"}) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            writeCustomers(path, prefix);
        }
        children.push_back(child);
    }
    const pid_t reader = ::fork();
    ASSERT_GE(reader, 0);
    if (reader == 0) {
        readWhileWriting(path);
    }
    EXPECT_EQ(exitCodeOf(children[0]), 0) << "the first writer got an error (see its message above)";
    EXPECT_EQ(exitCodeOf(children[1]), 0) << "the second writer got an error (see its message above)";
    EXPECT_EQ(exitCodeOf(reader), 0) << "a read failed or went back in time";

    const Database db = Database::open(path, OpenMode::ReadWrite);
    for (const char* prefix : {"APP-%", "CLI-%"}) {
        auto count = db.prepare("SELECT count(*) FROM customer WHERE code LIKE ?1");
        count.bind(1, std::string(prefix));
        count.step();
        EXPECT_EQ(count.int64(0), 2 * kTransactionsPerWriter) << prefix;
    }
    EXPECT_EQ(db.integrityReport(), "ok");
}
