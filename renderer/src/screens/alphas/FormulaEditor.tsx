import { useRef } from 'react'
import { Spinner } from '../../components/StatePanel'
import { applySuggestion, compute, saveFormula, setEditorName, setEditorText, setIncludeAdhoc } from '../../stores/alphas/actions'
import { expectedText, parseMessage, tokenAt, type ParseError } from '../../stores/alphas/selectors'
import { addAdhocToRun } from '../../stores/alphas/actions'
import { useAlphas } from '../../stores/alphas/state'

/**
 * The formula editor: parse errors as you type (debounced native parse), the offending
 * characters underlined in place, the expected tokens and the nearest known name offered as a fix.
 */
export function FormulaEditor() {
  const editor = useAlphas((s) => s.editor)
  const runOpen = useAlphas((s) => s.run.data !== null)
  const running = useAlphas((s) => s.run.status === 'loading')
  const areaRef = useRef<HTMLTextAreaElement>(null)
  const hlRef = useRef<HTMLPreElement>(null)
  const { text, parse } = editor
  // The last result stays shown while the next parse is pending (no flicker while typing).
  const error: ParseError | null = parse.result && !parse.result.ok && parse.text.trim() ? parse.result.error : null
  const current = parse.text === text
  const errorRange = error && current ? tokenAt(text, error.offset) : null

  const syncScroll = () => {
    if (hlRef.current && areaRef.current) hlRef.current.scrollTop = areaRef.current.scrollTop
  }

  return (
    <section className="setup-section formula-section" aria-label="Formula editor">
      <div className="section-title">
        Formula
        <label className="include-toggle" title="Compute the editor's formula (as “adhoc”) together with the chosen alphas">
          <input type="checkbox" checked={editor.include} onChange={(e) => setIncludeAdhoc(e.target.checked)} data-testid="adhoc-include" />
          compute with the run
        </label>
      </div>
      <div className={`formula-editor${error && current ? ' has-error' : ''}`}>
        <pre className="formula-layer" ref={hlRef} aria-hidden>
          {errorRange ? (
            <>
              {text.slice(0, errorRange[0])}
              <mark className="formula-error-mark" data-testid="formula-error-mark">
                {errorRange[1] > errorRange[0] && text.slice(errorRange[0], errorRange[1]) !== '\n'
                  ? text.slice(errorRange[0], errorRange[1])
                  : ' '}
              </mark>
              {text.slice(errorRange[1])}
            </>
          ) : (
            text
          )}
          {'\n'}
        </pre>
        <textarea
          ref={areaRef}
          className="formula-input num"
          value={text}
          onChange={(e) => setEditorText(e.target.value)}
          onScroll={syncScroll}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              void compute()
            }
          }}
          placeholder="e.g. -1 * correlation(rank(open), rank(volume), 10)"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-label="Formula"
          aria-invalid={Boolean(error && current)}
          data-testid="formula-input"
          rows={3}
        />
      </div>
      <div className="formula-status" data-testid="formula-status" data-state={parse.status}>
        {!text.trim() ? (
          <span className="muted">Type a formula over open, high, low, close, volume, vwap, returns, adv20…; Ctrl+Enter computes.</span>
        ) : parse.status === 'failed' && parse.error ? (
          <span className="error-text">
            Could not check the formula: {parse.error.message} <code>{parse.error.code}</code>
          </span>
        ) : error ? (
          <span className={`parse-error${current ? '' : ' stale'}`} data-testid="formula-error">
            <span className="error-text">
              <b className="num">
                {error.line > 1 ? `line ${error.line}, ` : ''}col {error.column}
              </b>{' '}
              {parseMessage(error)}
            </span>
            {error.expected.length > 0 && !error.suggestion && !error.message.includes('expected') && (
              <span className="muted"> — expected {expectedText(error.expected)}</span>
            )}
            {error.suggestion && (
              <button
                className="suggestion"
                onClick={applySuggestion}
                disabled={!current}
                data-testid="formula-apply-suggestion"
                title="Replace the unknown name"
              >
                use <code>{error.suggestion}</code>
              </button>
            )}
          </span>
        ) : parse.status === 'ok' && parse.result?.ok ? (
          <span className="parse-ok" data-testid="formula-ok">
            <span className="up">✓ parses</span>
            <span className="muted"> · reads {parse.result.fields.join(', ') || 'no fields'}</span>
          </span>
        ) : parse.status === 'parsing' ? (
          <span className="muted">
            <Spinner size={10} /> checking…
          </span>
        ) : null}
      </div>
      <div className="formula-save">
        <input
          type="text"
          placeholder="Name, to save it"
          value={editor.name}
          onChange={(e) => setEditorName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void saveFormula()}
          maxLength={100}
          aria-label="Formula name"
          data-testid="formula-name"
        />
        <button
          onClick={() => void saveFormula()}
          disabled={editor.save.status === 'saving' || !text.trim() || !editor.name.trim() || Boolean(error && current)}
          data-testid="formula-save"
          title={!editor.name.trim() ? 'Give the formula a name first' : 'Save it with the formulas in the list'}
        >
          {editor.save.status === 'saving' ? 'Saving…' : 'Save'}
        </button>
      </div>
      {runOpen && text.trim() && (
        <div className="adhoc-target" data-testid="adhoc-target">
          <button
            onClick={() => void addAdhocToRun()}
            disabled={running || !current || parse.status !== 'ok'}
            title="Compute this formula as a new column of the run on screen (same universe, dates and policy); the run's other alphas stay"
            data-testid="adhoc-add-to-run"
          >
            Add to the open run
          </button>
          <span className="muted">or Compute below for a run of its own (with the ticked alphas)</span>
        </div>
      )}
      {editor.save.status === 'error' && editor.save.error && (
        <div className="error-text field-note" data-testid="formula-save-error">
          {editor.save.error.message} <code>{editor.save.error.code}</code>
        </div>
      )}
    </section>
  )
}
