#include "app/undo_commands.h"

namespace cartera::app {

ServiceCommand::ServiceCommand(const QString& text, Step redo, Step undo, ErrorHandler onError)
    : QUndoCommand(text), m_redo(std::move(redo)), m_undo(std::move(undo)), m_onError(std::move(onError))
{
}

void ServiceCommand::redo()
{
    if (m_applied) {
        m_applied = false;  // the change was made before push(); later redos run it again
        return;
    }
    run(m_redo);
}

void ServiceCommand::undo()
{
    run(m_undo);
}

void ServiceCommand::run(const Step& step)
{
    if (auto status = step(); !status) {
        setObsolete(true);
        if (m_onError) {
            m_onError(status.error());
        }
    }
}

} // namespace cartera::app
