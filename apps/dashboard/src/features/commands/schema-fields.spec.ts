import { COMMAND_BODY_NAMES, commandBodySchemas } from '@secondlook/contracts';
import { describeSchema, emptyValues, toBody } from './schema-fields';

describe('describeSchema', () => {
  it.each(COMMAND_BODY_NAMES.map((name) => [name]))('can build a form for %s', (name) => {
    const fields = describeSchema(name, commandBodySchemas[name]);
    expect(fields.map((field) => field.name)).toEqual(Object.keys(commandBodySchemas[name].shape));
    for (const field of fields) expect(field.label).not.toMatch(/^[a-z]/);
  });

  it('turns enums into selects with the domain’s words, booleans into checkboxes, arrays of objects into rows', () => {
    const fields = describeSchema('request-records', commandBodySchemas['request-records']);
    const documents = fields.find((field) => field.name === 'documents');
    expect(documents).toMatchObject({ kind: 'rows', minRows: 1, required: true });
    const kind = documents?.kind === 'rows' ? documents.fields.find((field) => field.name === 'kind') : undefined;
    expect(kind).toMatchObject({ kind: 'enum' });
    expect(kind?.kind === 'enum' && kind.options.find((option) => option.value === 'pathology-slides')?.label).toBe('Pathology slides');
    expect(describeSchema('check-coverage', commandBodySchemas['check-coverage']).map((field) => field.kind)).toEqual([
      'boolean',
      'boolean',
      'boolean',
      'number',
      'number',
      'text',
      'boolean',
      'text',
      'text',
    ]);
    expect(describeSchema('schedule-appointment', commandBodySchemas['schedule-appointment'])[0]).toMatchObject({ kind: 'datetime', required: true });
    expect(describeSchema('log-dismissal-concern', commandBodySchemas['log-dismissal-concern'])[1]).toMatchObject({ kind: 'date', required: true });
  });

  it('leaves blank optional fields out of the body and converts money to cents', () => {
    const fields = describeSchema('check-coverage', commandBodySchemas['check-coverage']);
    const body = toBody(fields, { ...emptyValues(fields), coversSecondOpinions: true, estimatedOutOfPocketCents: 250.5, estimatedTravelCostCents: 0 });
    expect(body).toEqual({
      coversSecondOpinions: true,
      inNetworkOnly: false,
      preAuthRequired: false,
      estimatedOutOfPocketCents: 25050,
      estimatedTravelCostCents: 0,
      costConcern: false,
    });
    expect(commandBodySchemas['check-coverage'].safeParse(body).success).toBe(true);
  });
});
