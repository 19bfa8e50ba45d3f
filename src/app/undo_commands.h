#pragma once

#include "domain/error.h"

#include <QUndoCommand>

#include <functional>

namespace cartera::app {

/// An undoable change made through a service. The change is applied before the command is
/// pushed (so a refused change never reaches the stack); the first redo() from QUndoStack::push
/// is skipped. Later undo/redo failures (another program changed the file meanwhile) are
/// reported through onError and leave the command obsolete.
class ServiceCommand final : public QUndoCommand {
public:
    using Step = std::function<domain::Status()>;
    using ErrorHandler = std::function<void(const domain::Error&)>;

    ServiceCommand(const QString& text, Step redo, Step undo, ErrorHandler onError);

    void redo() override;
    void undo() override;

private:
    void run(const Step& step);

    Step m_redo;
    Step m_undo;
    ErrorHandler m_onError;
    bool m_applied = true;
};

} // namespace cartera::app
