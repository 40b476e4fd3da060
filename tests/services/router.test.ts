import { describe, expect, it } from 'vitest'
import { contract, methodFor } from '../../electron/contract'
import type { AllHandlers as Handlers } from '../../electron/contract'
import { createRouter } from '../../electron/host/router'

describe('contract router', () => {
  it('has a schema for every method, and nothing outside the contract is callable', () => {
    for (const [domain, methods] of Object.entries(contract)) {
      for (const name of Object.keys(methods)) expect(methodFor(`${domain}.${name}`)?.input).toBeDefined()
    }
    expect(methodFor('market.constructor')).toBeUndefined()
    expect(methodFor('__proto__.x')).toBeUndefined()
    expect(methodFor('__proto__.toString')).toBeUndefined()
    expect(methodFor('constructor.name')).toBeUndefined()
  })

  it('validates input before a handler runs and names the field', async () => {
    let ran = false
    const dispatch = createRouter({
      market: {
        getBars: () => {
          ran = true
          return {}
        },
      },
    } as unknown as Handlers)
    const reply = await dispatch('market.getBars', { instrumentId: -3 })
    expect(ran).toBe(false)
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!reply.ok) expect(reply.error.message).toMatch(/instrumentId/)
  })

  it('turns thrown errors into data with a code', async () => {
    const logged: string[] = []
    const dispatch = createRouter(
      {
        market: {
          listDatasets: () => {
            throw new Error('disk on fire')
          },
        },
      } as unknown as Handlers,
      (channel) => logged.push(channel),
    )
    const reply = await dispatch('market.listDatasets', {})
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'disk on fire' } })
    expect(logged).toEqual(['market.listDatasets'])
  })
})
