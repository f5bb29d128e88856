import { typesNotOffered } from './offeredTypes';

const offer = {
  componentTypes: ['aws-dynamodb-xp'],
  traitTypes: ['dynamodb-ttl-xp'],
};

describe('typesNotOffered', () => {
  it('is undefined when every component and trait type is offered', () => {
    expect(
      typesNotOffered(offer, {
        components: [
          { type: 'aws-dynamodb-xp', traits: [{ type: 'dynamodb-ttl-xp' }] },
        ],
      }),
    ).toBeUndefined();
    expect(typesNotOffered(offer, undefined)).toBeUndefined();
  });

  it('names every component and trait type the platform does not offer', () => {
    expect(
      typesNotOffered(
        { ...offer, traitTypes: [] },
        {
          components: [
            { type: 'aws-dynamodb-kro', traits: [{ type: 'raw-patch' }] },
          ],
        },
      ),
    ).toBe(
      "The Application uses types the platform does not offer:\n- spec.components[0].type: component type 'aws-dynamodb-kro' is not offered by the platform; offered: aws-dynamodb-xp\n- spec.components[0].traits[0].type: trait type 'raw-patch' is not offered by the platform; offered: none",
    );
  });
});
